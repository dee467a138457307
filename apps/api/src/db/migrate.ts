import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** apps/api/migrations, from both src/db (tests) and dist/db (built). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  /** First line `--! timescale`: applied only where the timescaledb extension is available. */
  timescale: boolean;
}

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (name) => {
      const sql = await readFile(new URL(name, `file://${dir}`), 'utf8');
      return { name, sql, timescale: sql.startsWith('--! timescale') };
    }),
  );
}

/**
 * Forward-only numbered migrations, each in its own transaction, after graphile-worker's runner:
 * an advisory lock keeps two instances from migrating at once; a failing file is rethrown with its name.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<MigrationReport> {
  const all = migrations ?? (await readMigrations());
  await db.query(
    `create table if not exists migrations (name text primary key, applied_at timestamptz not null default now())`,
  );
  const report: MigrationReport = { applied: [], skipped: [] };
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7415201)');
    const done = new Set((await tx.query<{ name: string }>('select name from migrations')).rows.map((r) => r.name));
    const { rows } = await tx.query<{ available: boolean }>(
      `select exists (select 1 from pg_available_extensions where name = 'timescaledb') as available`,
    );
    const timescale = rows[0]?.available ?? false;
    for (const m of all) {
      if (done.has(m.name)) {
        continue;
      }
      if (m.timescale && !timescale) {
        report.skipped.push(m.name);
        continue;
      }
      try {
        await tx.query('savepoint migration');
        await tx.query(m.sql);
        await tx.query('insert into migrations (name) values ($1)', [m.name]);
        await tx.query('release savepoint migration');
      } catch (cause) {
        throw new Error(`migration ${m.name} failed: ${(cause as Error).message}`, { cause });
      }
      report.applied.push(m.name);
    }
  });
  return report;
}
