import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';

/** Redis state for the health check: "disabled" without REDIS_URL. */
@Injectable()
export class RedisHealth {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async state(): Promise<'up' | 'down' | 'disabled'> {
    if (!this.redis) {
      return 'disabled';
    }
    try {
      return (await this.redis.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
