import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { Database } from '../../apps/api/src/db/database.js';
import { migrate } from '../../apps/api/src/db/migrate.js';

const BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const ADMIN_URL = `${BASE}/postgres`;
export const TEMPLATE_DB = `vigie_template_${process.pid}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Once per run: a database with every migration applied, cloned by each spec file (graphile-worker's way). */
export async function prepareTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query(`drop database if exists "${TEMPLATE_DB}" with (force)`);
    await c.query(`create database "${TEMPLATE_DB}"`);
  });
  const db = new Database('postgres', new pg.Pool({ connectionString: `${BASE}/${TEMPLATE_DB}`, max: 1 }));
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

export async function dropTemplate(): Promise<void> {
  await admin((c) => c.query(`drop database if exists "${TEMPLATE_DB}" with (force)`));
}

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one spec file, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDb');
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}" template "${template}"`));
  const url = `${BASE}/${name}`;
  const db = new Database('postgres', new pg.Pool({ connectionString: url, max: 5 }));
  return {
    url,
    db,
    drop: async () => {
      await db.close().catch(() => undefined);
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
