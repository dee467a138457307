import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.js';
import { Database } from '../db/database.js';
import { RedisHealth } from './redis-health.js';

export interface Health {
  status: 'ok' | 'degraded';
  database: { kind: 'postgres' | 'pglite'; state: 'up' | 'down' };
  redis: { state: 'up' | 'down' | 'disabled' };
}

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(RedisHealth) private readonly redis: RedisHealth,
  ) {}

  @Get()
  @Public()
  async health(): Promise<Health> {
    const [dbUp, redis] = await Promise.all([this.db.ping(), this.redis.state()]);
    const database = { kind: this.db.kind, state: dbUp ? ('up' as const) : ('down' as const) };
    return { status: dbUp && redis !== 'down' ? 'ok' : 'degraded', database, redis: { state: redis } };
  }
}
