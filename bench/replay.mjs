// Start-up replay of a stored day: ~1,000,000 events of one site (28 scale-4 simulated floors merged, ≈2,700
// agents, 140 queues, dated today) stored in a fresh PostgreSQL database through the API's own EventLogRepository,
// then the live engine of that site started exactly as on boot (LiveService → SiteEngine: the last 24 h read page by
// page from the event log and applied to a FloorState), ending with one snapshot. Prints events replayed, seconds
// spent reading, applying, in total, and events/s. Aim: ≤ 5 s.
//   npx tsc -b && node --expose-gc bench/replay.mjs [floors=28]     (BENCH_KEEP_DB=1 keeps vigie_bench_replay afterwards)
import { businessDay } from '@vigie/domain';
import { EventBus } from '../apps/api/dist/bus/event-bus.js';
import { migrate } from '../apps/api/dist/db/migrate.js';
import { openDatabase } from '../apps/api/dist/db/open-database.js';
import { EventLogRepository } from '../apps/api/dist/events/event-log.repository.js';
import { LiveService } from '../apps/api/dist/live/live.service.js';
import { SiteEngine } from '../apps/api/dist/live/site-engine.js';
import { SitesRepository } from '../apps/api/dist/sites/sites.repository.js';
import { SitesService } from '../apps/api/dist/sites/sites.service.js';
import { bigDay, dropDatabase, freshDatabase, machine } from './lib.mjs';

const FLOORS = Number(process.argv[2] ?? 28);
const SITE = 'bench';
const TIME_ZONE = 'Europe/Paris';
const DB_NAME = 'vigie_bench_replay';
const BATCH = 10_000;
const secs = (ms) => (ms / 1000).toFixed(2);

console.log(`machine: ${machine()}`);
// The engine replays [now − 24 h, now + 24 h): a day opening at 07:00 local today is inside whatever the hour.
const start = businessDay(Date.now(), TIME_ZONE).startMs + 7 * 3600_000;
const t0 = performance.now();
const events = bigDay({ floors: FLOORS, site: SITE, startMs: start });
console.log(
  `generated ${events.length} events (${FLOORS} floors, ${events[0].at} → ${events.at(-1).at}) in ${secs(performance.now() - t0)} s`,
);

const url = await freshDatabase(DB_NAME);
const db = await openDatabase({ kind: 'postgres', url });
await migrate(db);
await db.query(`insert into sites (id, name, timezone) values ($1, 'Bench', $2)`, [SITE, TIME_ZONE]);
const log = new EventLogRepository(db);
const t1 = performance.now();
for (let i = 0; i < events.length; i += BATCH) {
  await log.append(SITE, events.slice(i, i + BATCH));
}
await db.query('vacuum analyze events');
await db.query('vacuum analyze event_ids');
console.log(`stored through EventLogRepository.append in ${secs(performance.now() - t1)} s (then vacuum analyze)`);
await db.close();
events.length = 0;
global.gc?.();

// A new pool, as after a restart (PostgreSQL's and the OS's caches stay warm: the table was just written).
const db2 = await openDatabase({ kind: 'postgres', url });
const log2 = new EventLogRepository(db2);
let readMs = 0;
let applyMs = 0;
let pages = 0;
const readRange = log2.readRange.bind(log2);
log2.readRange = async function* timedReadRange(...args) {
  const pagesOf = readRange(...args);
  for (;;) {
    const s = performance.now();
    const next = await pagesOf.next();
    readMs += performance.now() - s;
    if (next.done) {
      return;
    }
    pages += 1;
    yield next.value;
  }
};
const replay = SiteEngine.prototype.replay;
let replayed = 0;
SiteEngine.prototype.replay = function timedReplay(page) {
  const s = performance.now();
  replay.call(this, page);
  applyMs += performance.now() - s;
  replayed += page.length;
};

const live = new LiveService(new EventBus(), log2, new SitesService(new SitesRepository(db2), log2));
const cpu0 = process.cpuUsage();
const started = performance.now();
const engine = await live.engine(SITE);
const engineMs = performance.now() - started;
const s = performance.now();
const snapshot = engine.snapshotNow();
const snapshotMs = performance.now() - s;
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpu0);

console.log(`events replayed: ${replayed} (${pages} pages of ≤ 20,000; refused by the domain: ${live.failureCount()})`);
console.log(`read (SQL + pg row parsing, ${pages} queries): ${secs(readMs)} s`);
console.log(`apply (SiteEngine.replay → FloorState.apply): ${secs(applyMs)} s`);
console.log(
  `other (site lookup, ticks during the replay, goLive): ${secs(engineMs - readMs - applyMs)} s; final snapshot (${snapshot.agents.length} agents, ${snapshot.queues.length} queues): ${secs(snapshotMs)} s`,
);
console.log(
  `total start-up of the site's engine: ${secs(totalMs)} s = ${Math.round(replayed / (totalMs / 1000))} events/s (aim ≤ 5 s); Node CPU ${secs((cpu.user + cpu.system) / 1000)} s`,
);

live.onModuleDestroy();
await db2.close();
if (process.env.BENCH_KEEP_DB) {
  console.log(`kept ${url}`);
  process.exit(0);
}
await dropDatabase(DB_NAME);
