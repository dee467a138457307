import { Logger } from '@nestjs/common';
import pg from 'pg';

const logger = new Logger('Database');

// Counts and event positions (bigint) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Something that runs SQL: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export type DatabaseKind = 'postgres' | 'pglite';

/**
 * The one way the API reaches PostgreSQL: a `pg` pool, whether the server is real (`DATABASE_URL`) or the
 * embedded PGlite behind pglite-socket. Repositories take a `Queryable` so callers can pass a transaction.
 */
export class Database implements Queryable {
  constructor(
    readonly kind: DatabaseKind,
    private readonly pool: pg.Pool,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    // An idle pooled connection closed by the server (restart, failover) is replaced on next use; without a
    // listener node-postgres would turn it into an uncaught error and stop the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, params);
  }

  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose();
  }
}
