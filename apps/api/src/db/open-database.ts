import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config.schema.js';
import { Database } from './database.js';

/**
 * Opens the configured database. Embedded mode runs PGlite (PostgreSQL in WASM, one session) in
 * `<dataDir>/pg` behind a loopback pglite-socket server, reached through a one-connection `pg` pool:
 * the same SQL and driver as a real server, and PGlite's single session is never shared by two transactions.
 */
export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    return new Database('postgres', pool);
  }
  await mkdir(database.dataDir, { recursive: true });
  const db = await PGlite.create(join(database.dataDir, 'pg'));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const pool = new pg.Pool({ host, port: Number(port), user: 'postgres', database: 'postgres', max: 1 });
  return new Database('pglite', pool, async () => {
    await server.stop();
    await db.close();
  });
}
