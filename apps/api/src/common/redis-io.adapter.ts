import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';

type IoServer = ReturnType<IoAdapter['createIOServer']>;

/**
 * socket.io over Redis (@socket.io/redis-adapter): a message for a site's room reaches the screens connected
 * to any instance. Used when REDIS_URL is set. Typed from Nest's own adapter, whichever socket.io it ships.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(app: INestApplicationContext, url: string) {
    super(app);
    this.pub = new Redis(url, { maxRetriesPerRequest: 2 });
    this.sub = this.pub.duplicate();
  }

  override createIOServer(port: number, options?: Parameters<IoAdapter['createIOServer']>[1]): IoServer {
    const server = super.createIOServer(port, options);
    (server as { adapter(factory: unknown): unknown }).adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    await super.close(server);
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
