// SQL polling versus the live engine, side by side in one run. A realistic day (10 scale-4 simulated floors
// merged into one site: ≈960 agents, 50 queues, ≈370,000 events over 12 h) is stored in a fresh PostgreSQL database;
// then, for each second of the day's busiest minute:
//   - SQL: one query recomputes today's per-queue figures (offered, answered, abandoned, received, answered within
//     20 s, service level, average wait answered, waiting now, longest wait now) from the `events` table, as a
//     dashboard polling the database once a second would; cost = wall time, PostgreSQL CPU (the backend, plus every
//     postgres process and reaped parallel worker, from /proc) and this process's CPU;
//   - engine: the events of that second applied to a FloorState, one FloorState.snapshot(now) as pushed (agentTimesAtSince) and the JSON patch
//     against the previous frame (fast-json-patch compare, serialised), as the gateway does; cost = CPU.
// Both ways are checked to give the same figures. Prints the per-refresh costs in ms and their ratio (aim ≥ 100×).
//   npx tsc -b && node bench/sql-polling.mjs [floors=10]
import { agentTimesAtSince, businessDay, FloorState } from '@vigie/domain';
import fastJsonPatch from 'fast-json-patch';
import { execSync } from 'node:child_process';
import pg from 'pg';
import { migrate } from '../apps/api/dist/db/migrate.js';
import { openDatabase } from '../apps/api/dist/db/open-database.js';
import { EventLogRepository } from '../apps/api/dist/events/event-log.repository.js';
import { bigDay, dropDatabase, freshDatabase, machine, postgresTicks, procTicks } from './lib.mjs';

const FLOORS = Number(process.argv[2] ?? 10);
const SITE = 'bench';
const TIME_ZONE = 'Europe/Paris';
const DB_NAME = 'vigie_bench_sql_polling';
const START = Date.UTC(2026, 2, 10, 7);
const SL_TARGET_SEC = 20;
const REFRESHES = 60;
const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
const ms = (x, digits = 2) => x.toFixed(digits);

/**
 * Today's figures per queue, as CONTRACT.md defines them (a contact counts in the queue it entered, its first
 * outcome decides; waiting = entered and not yet answered, abandoned, not distributed, ended or transferred).
 * $1 site, $2 start of the business day, $3 now.
 */
const FIGURES_SQL = `
with e as (
  select seq, type, at, body->>'queue' as queue, body->>'contactId' as contact, (body->>'waitSec')::float8 as wait_sec
    from events
   where site = $1 and at >= $2 and at <= $3 and type like 'contact.%'
), entered as (
  select queue, contact, min(at) as entered_at from e where type = 'contact.queued' group by queue, contact
), outcome as (
  select distinct on (queue, contact) queue, contact, type, wait_sec
    from e
   where type in ('contact.answered', 'contact.abandoned', 'contact.not_distributed')
   order by queue, contact, at, seq
), closed as (
  select distinct queue, contact
    from e
   where type in ('contact.answered', 'contact.abandoned', 'contact.not_distributed', 'contact.ended', 'contact.transferred')
)
select q.queue,
       count(*)::int as offered,
       (count(*) filter (where o.type = 'contact.answered'))::int as answered,
       (count(*) filter (where o.type = 'contact.abandoned'))::int as abandoned,
       count(o.type)::int as received,
       (count(*) filter (where o.type = 'contact.answered' and o.wait_sec <= ${SL_TARGET_SEC}))::int as answered_within_sl,
       (count(*) filter (where o.type = 'contact.answered' and o.wait_sec <= ${SL_TARGET_SEC}))::float8
         / nullif(count(o.type), 0) as service_level,
       avg(o.wait_sec) filter (where o.type = 'contact.answered') as avg_wait_answered_sec,
       (count(*) filter (where c.contact is null))::int as waiting,
       coalesce(floor(extract(epoch from $3::timestamptz - min(q.entered_at) filter (where c.contact is null))), 0)::int
         as longest_wait_sec
  from entered q
  left join outcome o using (queue, contact)
  left join closed c using (queue, contact)
 group by q.queue
 order by q.queue`;

const cpuMs = (u) => (u.user + u.system) / 1000;

console.log(`machine: ${machine()}`);
const events = bigDay({ floors: FLOORS, site: SITE, startMs: START });
const agents = new Set(events.filter((e) => e.agent).map((e) => e.agent)).size;
const queues = new Set(events.filter((e) => e.queue).map((e) => e.queue)).size;
console.log(`day: ${events.length} events, ${agents} agents, ${queues} queues, ${events[0].at} → ${events.at(-1).at}`);

// The busiest minute of the day, and its busiest second.
const perSecond = new Map();
const perMinute = new Map();
for (const e of events) {
  const t = Date.parse(e.at);
  perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  perMinute.set(Math.floor(t / 60_000), (perMinute.get(Math.floor(t / 60_000)) ?? 0) + 1);
}
const [peakMinute, peakMinuteEvents] = [...perMinute].reduce((a, b) => (b[1] > a[1] ? b : a));
const peakSecondEvents = Math.max(...perSecond.values());
const T0 = peakMinute * 60_000;
console.log(
  `busiest minute ${new Date(T0).toISOString()}: ${peakMinuteEvents} events (${ms(peakMinuteEvents / 60, 1)} events/s); busiest second: ${peakSecondEvents} events`,
);

const url = await freshDatabase(DB_NAME);
const db = await openDatabase({ kind: 'postgres', url });
await migrate(db);
await db.query(`insert into sites (id, name, timezone) values ($1, 'Bench', $2)`, [SITE, TIME_ZONE]);
const log = new EventLogRepository(db);
const l0 = performance.now();
for (let i = 0; i < events.length; i += 10_000) {
  await log.append(SITE, events.slice(i, i + 10_000));
}
await db.query('vacuum analyze events');
await db.query('checkpoint');
console.log(
  `stored through EventLogRepository.append in ${ms((performance.now() - l0) / 1000, 1)} s (then vacuum analyze)`,
);
await db.close();

const moments = Array.from({ length: REFRESHES }, (_, i) => T0 + (i + 1) * 1000);
const dayStart = businessDay(T0, TIME_ZONE).startMs;

// ---- SQL polling: one client, one query per refresh (a warm-up run first, so plans and caches are warm).
const client = new pg.Client({ connectionString: url });
await client.connect();
const backend = (await client.query('select pg_backend_pid() as pid')).rows[0].pid;
const query = (now) => client.query(FIGURES_SQL, [SITE, new Date(dayStart), new Date(now)]);
const plan = await client.query(`explain ${FIGURES_SQL}`, [SITE, new Date(dayStart), new Date(moments[0])]);
console.log(
  `plan (top): ${plan.rows
    .map((r) => r['QUERY PLAN'].trim())
    .filter((l) => /Scan|Gather/.test(l))
    .map((l) => l.replace(/\s+\(cost.*$/, ''))
    .join(' | ')}`,
);
await query(moments[0]);
await new Promise((r) => setTimeout(r, 1000));
const idle0 = postgresTicks();
await new Promise((r) => setTimeout(r, 2000));
const idlePerSecTicks = (postgresTicks() - idle0) / 2;

const sqlResults = [];
const b0 = procTicks(backend).self;
const p0 = postgresTicks();
const c0 = process.cpuUsage();
const w0 = performance.now();
for (const now of moments) {
  sqlResults.push((await query(now)).rows);
}
const sqlWallMs = (performance.now() - w0) / REFRESHES;
const sqlClientMs = cpuMs(process.cpuUsage(c0)) / REFRESHES;
const sqlBackendMs = (((procTicks(backend).self - b0) / CLK_TCK) * 1000) / REFRESHES;
const sqlAllPgMs = Math.max(
  0,
  ((postgresTicks() - p0 - (idlePerSecTicks * sqlWallMs * REFRESHES) / 1000) / CLK_TCK / REFRESHES) * 1000,
);
await client.end();

// ---- Engine: the floor up to the minute, then per second: apply that second's events, snapshot, diff.
const floor = new FloorState({ timeZone: TIME_ZONE });
let next = 0;
while (next < events.length && Date.parse(events[next].at) <= T0) {
  floor.apply(events[next++]);
}
let previous = agentTimesAtSince(floor.snapshot(T0));
const engineResults = [];
let applied = 0;
let patchOps = 0;
let patchBytes = 0;
const e0 = process.cpuUsage();
const ew0 = performance.now();
const part = { apply: 0, snapshot: 0, patch: 0 };
for (const now of moments) {
  const a = performance.now();
  while (next < events.length && Date.parse(events[next].at) <= now) {
    floor.apply(events[next++]);
    applied += 1;
  }
  const b = performance.now();
  const snapshot = agentTimesAtSince(floor.snapshot(now));
  const c = performance.now();
  const ops = fastJsonPatch.compare(previous, snapshot);
  patchBytes += JSON.stringify({ site: SITE, seq: 0, base: 0, ops }).length;
  part.apply += b - a;
  part.snapshot += c - b;
  part.patch += performance.now() - c;
  patchOps += ops.length;
  previous = snapshot;
  engineResults.push(snapshot.queues);
}
const engineMs = cpuMs(process.cpuUsage(e0)) / REFRESHES;
const engineWallMs = (performance.now() - ew0) / REFRESHES;

// ---- Same figures both ways?
const FIELDS = [
  ['offered', 'offered'],
  ['answered', 'answered'],
  ['abandoned', 'abandoned'],
  ['received', 'received'],
  ['answered_within_sl', 'answeredWithinSl'],
  ['service_level', 'serviceLevel'],
  ['avg_wait_answered_sec', 'avgWaitAnsweredSec'],
  ['waiting', 'waiting'],
  ['longest_wait_sec', 'longestWaitSec'],
];
let compared = 0;
const mismatches = [];
for (let i = 0; i < REFRESHES; i++) {
  const byQueue = new Map(engineResults[i].map((q) => [q.queue, q]));
  for (const row of sqlResults[i]) {
    const q = byQueue.get(row.queue);
    for (const [sqlField, engineField] of FIELDS) {
      compared += 1;
      const a = row[sqlField] === null ? null : Number(row[sqlField]);
      const b = q?.[engineField] ?? null;
      if (!(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9))) {
        mismatches.push(`${new Date(moments[i]).toISOString()} ${row.queue}.${engineField}: SQL ${a}, engine ${b}`);
      }
    }
  }
}
console.log(
  `same figures: ${compared - mismatches.length} of ${compared} (${REFRESHES} refreshes × ${sqlResults[0].length} queues × ${FIELDS.length} figures)${mismatches.length ? `; first differences: ${mismatches.slice(0, 3).join('; ')}` : ''}`,
);

const sqlCpuMs = sqlAllPgMs + sqlClientMs;
console.log(
  `SQL, per refresh: ${ms(sqlWallMs)} ms wall; CPU ${ms(sqlCpuMs)} ms = PostgreSQL ${ms(sqlAllPgMs)} ms (backend alone ${ms(sqlBackendMs)} ms; /proc ticks of ${ms(1000 / CLK_TCK, 0)} ms) + client ${ms(sqlClientMs)} ms`,
);
console.log(
  `engine, per refresh: ${ms(applied / REFRESHES, 1)} events applied + 1 snapshot (${previous.agents.length} agents, ${previous.queues.length} queues) + 1 patch (${Math.round(patchOps / REFRESHES)} ops, ${Math.round(patchBytes / REFRESHES)} bytes): CPU ${ms(engineMs)} ms (${ms(engineWallMs)} ms wall: apply ${ms(part.apply / REFRESHES)}, snapshot ${ms(part.snapshot / REFRESHES)}, patch ${ms(part.patch / REFRESHES)})`,
);
console.log(
  `ratio SQL ÷ engine (CPU per refresh): ${ms(sqlCpuMs / engineMs, 1)}× (aim ≥ 100×); with the engine's 4 frames a second (250 ms coalescing) against 1 SQL poll: ${ms(sqlCpuMs / (4 * engineMs), 1)}×`,
);

await dropDatabase(DB_NAME);
