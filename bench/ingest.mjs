// Benchmarks of issue "Foundation": queue_log import into PostgreSQL and into embedded PGlite (lines/s,
// peak RSS), and JSON ingest over HTTP in batches of 1,000 (events/s). Prints its figures.
//   node bench/ingest.mjs [lines=1000000]
import { parseQueueLogStream } from '@vigie/queue-log';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../apps/api/dist/app.factory.js';
import { EventBus } from '../apps/api/dist/bus/event-bus.js';
import { loadConfig } from '../apps/api/dist/config/load-config.js';
import { migrate } from '../apps/api/dist/db/migrate.js';
import { openDatabase } from '../apps/api/dist/db/open-database.js';
import { EventLogRepository } from '../apps/api/dist/events/event-log.repository.js';
import { IngestService } from '../apps/api/dist/ingest/ingest.service.js';
import { freshDatabase, machine, queueLogFile } from './lib.mjs';

const LINES = Number(process.argv[2] ?? 1_000_000);
const mb = (kb) => `${Math.round(kb / 1024)} MiB`;

async function importInto(database, file) {
  const db = await openDatabase(database);
  await migrate(db);
  await db.query(
    `insert into sites (id, name, timezone) values ('bench', 'Bench', 'Europe/Paris') on conflict do nothing`,
  );
  const ingest = new IngestService(new EventLogRepository(db), new EventBus());
  const started = performance.now();
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  const result = await ingest.ingest('bench', parseQueueLogStream(lines, { site: 'bench' }));
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return { seconds, result };
}

async function httpJson(url) {
  const app = await createApp(
    loadConfig({
      DATABASE_URL: url,
      VIGIE_DEMO: '0',
      LOG_LEVEL: 'warn',
      VIGIE_ADMIN_EMAIL: 'b@b.io',
      VIGIE_ADMIN_PASSWORD: 'bench-password',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'b@b.io', password: 'bench-password' }),
  });
  const { accessToken } = await login.json();
  await fetch(`${base}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'http', name: 'HTTP', timezone: 'Europe/Paris' }),
  });
  const batches = 200;
  const at = new Date(Date.UTC(2026, 2, 10, 9)).toISOString();
  const bodies = Array.from({ length: batches }, (_, b) =>
    JSON.stringify(
      Array.from({ length: 1000 }, (_, i) => ({
        type: 'contact.queued',
        id: `h${b}-${i}`,
        at,
        contactId: `c${b}-${i}`,
        queue: `q${i % 20}`,
      })),
    ),
  );
  const started = performance.now();
  let next = 0;
  let stored = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches) {
        const body = bodies[next++];
        const r = await fetch(`${base}/api/v1/sites/http/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body,
        });
        stored += (await r.json()).events;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return { seconds, stored };
}

console.log(`machine: ${machine()}`);
const file = await queueLogFile(LINES);

const pgRun = await importInto({ kind: 'postgres', url: await freshDatabase('vigie_bench_pg') }, file);
console.log(
  `queue_log → PostgreSQL: ${pgRun.result.lines} lines, ${pgRun.result.events} events in ${pgRun.seconds.toFixed(1)} s = ${Math.round(pgRun.result.lines / pgRun.seconds)} lines/s; peak RSS so far ${mb(process.resourceUsage().maxRSS)}`,
);

const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-pglite-'));
const pgliteRun = await importInto({ kind: 'pglite', dataDir: dir }, file);
console.log(
  `queue_log → PGlite: ${pgliteRun.result.lines} lines in ${pgliteRun.seconds.toFixed(1)} s = ${Math.round(pgliteRun.result.lines / pgliteRun.seconds)} lines/s; peak RSS so far ${mb(process.resourceUsage().maxRSS)}`,
);
await rm(dir, { recursive: true, force: true });

const http = await httpJson(await freshDatabase('vigie_bench_http'));
console.log(
  `JSON over HTTP, batches of 1,000, 4 in flight: ${http.stored} events in ${http.seconds.toFixed(1)} s = ${Math.round(http.stored / http.seconds)} events/s`,
);
