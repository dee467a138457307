// Pay run for 5,000 agents with 12 criteria over a month of events: time and memory. Pure (no server, no database):
// a synthetic month (22 working days of March 2026, Europe/Paris, DST change included) for 5,000 agents in 50 teams
// over 20 queues, generated as a stream (one 10-minute slot of the whole floor in memory at a time) and folded through
// PeriodKpiAccumulator; then a 12-criterion grid (9 KPI-fed, 3 manual; tiers, one eliminatory, N/A), 5,000
// evaluations scored (scoreEvaluation), the pay computed (computePay: individual tiers, a collective pool on the
// team's serviceLevel, challenges, caps, part-time), and the payroll file (payrollRows + csv-stringify, as the API).
// The generator is first run alone so that its cost can be told apart from the accumulator's.
//   npx tsc -b && node --expose-gc bench/pay-run.mjs [agents=5000] [days=22]
import { computePay, dayBounds, payrollRows, PeriodKpiAccumulator, scoreEvaluation } from '@vigie/domain';
import { Grid, PayRules } from '@vigie/protocol';
import { stringify } from 'csv-stringify/sync';
import { loadavg } from 'node:os';
import { machine } from './lib.mjs';

const AGENTS = Number(process.argv[2] ?? 5000);
const WORK_DAYS = Number(process.argv[3] ?? 22);
const TEAMS = 50;
const QUEUES = 20;
const TZ = 'Europe/Paris';
const SLOT_SEC = 600;
const SLOTS = 50; // 08:00–16:20 local: 45 contacts a full-time day less the skipped ones, 5 slots of breaks
const PAUSE_SLOTS = new Set([15, 35]);
const LUNCH = [24, 25, 26];
const PART_TIME_SLOTS = 30;

const period = {
  timeZone: TZ,
  startMs: dayBounds('2026-03-01', TZ).startMs,
  endMs: dayBounds('2026-03-31', TZ).endMs,
};
/** The month's weekdays (March 2026 has 22), or the first `WORK_DAYS` of them. */
const workDays = [];
for (let d = 1; d <= 31; d++) {
  const date = `2026-03-${String(d).padStart(2, '0')}`;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6 && workDays.length < WORK_DAYS) {
    workDays.push(date);
  }
}

/** A deterministic hash of a few integers to [0, 1). */
function rand(...xs) {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ x, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}

const teamOf = (a) => Math.floor((a * TEAMS) / AGENTS);
const partTime = (a) => a % 10 === 9;
const queuesOfTeam = (t) => [`q${t % QUEUES}`, `q${(t * 7 + 3) % QUEUES}`];
const absent = (a, day) => rand(a, day, 1) < 0.03;

/**
 * The month's events in time order, one slot (10 minutes of the whole floor) buffered and sorted at a time: each
 * agent logs in, takes one contact per slot (queued, ringing, sometimes a ring not answered first, answered, ended
 * with an outcome and a wrap-up), some contacts are abandoned instead, pauses and a lunch break, logs out.
 */
function* month() {
  let n = 0;
  for (const [day, date] of workDays.entries()) {
    const dayStartMs = dayBounds(date, TZ).startMs + 8 * 3600_000;
    for (let slot = 0; slot < SLOTS; slot++) {
      const buffer = [];
      const s = dayStartMs + slot * SLOT_SEC * 1000;
      const push = (ms, fields) => buffer.push({ ms, fields });
      for (let a = 0; a < AGENTS; a++) {
        const last = partTime(a) ? PART_TIME_SLOTS - 1 : SLOTS - 1;
        if (slot > last || absent(a, day)) {
          continue;
        }
        const agent = `A${String(a).padStart(5, '0')}`;
        const team = teamOf(a);
        if (slot === 0) {
          push(s + (a % 5) * 1000, { type: 'agent.logged_in', agent, name: `Agent ${a}`, team: `T${team}` });
        }
        if (PAUSE_SLOTS.has(slot)) {
          push(s + 10_000, { type: 'agent.paused', agent, reason: 'Pause' });
          push(s + 590_000, { type: 'agent.ready', agent });
        } else if (LUNCH.includes(slot)) {
          if (slot === LUNCH[0]) {
            push(s + 10_000, { type: 'agent.paused', agent, reason: 'Déjeuner' });
          } else if (slot === LUNCH.at(-1)) {
            push(s + 590_000, { type: 'agent.ready', agent });
          }
        } else if (rand(a, day, slot, 2) >= 0.08) {
          const queues = queuesOfTeam(team);
          const qi = slot % 2;
          const queue = queues[qi];
          const contactId = `c${day}-${a}-${slot}`;
          const r = rand(a, day, slot, 3);
          const queuedMs = s + (10 + Math.floor(r * 170)) * 1000;
          const c = { contactId, queue };
          push(queuedMs, { type: 'contact.queued', ...c, channel: 'voice' });
          if (rand(a, day, slot, 4) < 0.04) {
            push(queuedMs + 45_000, { type: 'contact.abandoned', ...c, waitSec: 45 });
          } else {
            // Waits skewed short, more or less so per queue (so that teams' service levels differ).
            const shape = 1.2 + ((team * 7 + qi) % 5) * 0.35;
            const waitSec = 3 + Math.floor(rand(a, day, slot, 5) ** shape * 57);
            let t = queuedMs;
            if (rand(a, day, slot, 6) < 0.07) {
              push(t + 1000, { type: 'contact.ringing', ...c, agent });
              push(t + 16_000, { type: 'contact.ring_no_answer', ...c, agent, ringSec: 15 });
              t += 17_000;
            }
            const answeredMs = Math.max(t + 2000, queuedMs + waitSec * 1000);
            push(answeredMs - 2000, { type: 'contact.ringing', ...c, agent });
            const wait = (answeredMs - queuedMs) / 1000;
            push(answeredMs, { type: 'contact.answered', ...c, agent, waitSec: wait, ringSec: 2 });
            const talkSec = 60 + Math.floor(rand(a, day, slot, 7) * 180);
            const wrapupSec = Math.floor(rand(a, day, slot, 8) * 60);
            const o = rand(a, day, slot, 9);
            const outcome = {};
            if (o < 0.8) {
              outcome.fcr = rand(a, day, slot, 10) < 0.6 + (a % 7) * 0.05;
            }
            if (rand(a, day, slot, 11) < 0.15 + (a % 5) * 0.02) {
              outcome.appointment = true;
              if (rand(a, day, slot, 12) < 0.4) {
                outcome.sale = { amountCents: 5000 + Math.floor(rand(a, day, slot, 13) * 45000), currency: 'EUR' };
              }
            }
            if (rand(a, day, slot, 14) < 0.3) {
              outcome.csat = 1 + Math.floor(rand(a, day, slot, 15) * 5);
            }
            push(answeredMs + talkSec * 1000, {
              type: 'contact.ended',
              ...c,
              agent,
              talkSec,
              waitSec: wait,
              wrapupSec,
              outcome,
            });
          }
        }
        if (slot === last) {
          push(s + 595_000, { type: 'agent.logged_out', agent });
        }
      }
      buffer.sort((x, y) => x.ms - y.ms);
      let lastMs = -1;
      let at = '';
      for (const { ms, fields } of buffer) {
        if (ms !== lastMs) {
          lastMs = ms;
          at = new Date(ms).toISOString();
        }
        yield { id: `e${++n}`, site: 'bench', at, ...fields };
      }
    }
  }
}

const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;
const peakRss = () => mib(process.resourceUsage().maxRSS * 1024);
const heap = () => process.memoryUsage().heapUsed;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const phases = [];
let cpuMark = process.cpuUsage();
/** CPU time (user + system) since the last call: the figure to trust when the machine is loaded. */
function cpu() {
  const used = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
function phase(name, ms, extra = '') {
  const cpuMs = cpu();
  phases.push([name, ms, cpuMs]);
  console.log(
    `${name}: ${sec(ms)} (CPU ${sec(cpuMs)})${extra}; heap used ${mib(heap())}, peak RSS so far ${peakRss()}`,
  );
}

console.log(
  `machine: ${machine()}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
console.log(
  `${AGENTS} agents in ${TEAMS} teams, ${QUEUES} queues, ${workDays.length} working days (${workDays[0]}…${workDays.at(-1)})`,
);

// 0. The generator alone: its cost, to be told apart from the accumulator's below.
cpu();
let t = performance.now();
let count = 0;
for (const _ of month()) {
  count += 1;
}
const generateMs = performance.now() - t;
const generateCpuMs = cpu();
console.log(
  `generate only: ${count} events in ${sec(generateMs)} (CPU ${sec(generateCpuMs)}; ${Math.round(count / (generateMs / 1000))} events/s); peak RSS so far ${peakRss()}`,
);

// 1. The month streamed through the accumulator.
global.gc?.();
const heapBefore = heap();
let peakHeap = heapBefore;
cpu();
t = performance.now();
const acc = new PeriodKpiAccumulator(period);
let fed = 0;
for (const event of month()) {
  acc.add(event);
  if (++fed % 1_000_000 === 0) {
    peakHeap = Math.max(peakHeap, heap());
  }
}
const feedMs = performance.now() - t;
const feedCpuMs = process.cpuUsage(cpuMark);
const accumulateCpuMs = Math.max(0, (feedCpuMs.user + feedCpuMs.system) / 1000 - generateCpuMs);
const accumulateMs = Math.max(0, feedMs - generateMs);
phase(
  'generate + feed PeriodKpiAccumulator',
  feedMs,
  ` (${Math.round(fed / (feedMs / 1000))} events/s; the accumulator alone ≈ ${sec(accumulateMs)}, CPU ≈ ${sec(accumulateCpuMs)}: ${Math.round(fed / (accumulateCpuMs / 1000))} events per CPU second); peak heap sampled ${mib(peakHeap)}`,
);
global.gc?.();
console.log(`  state held after GC: +${mib(heap() - heapBefore)}`);
cpu();

t = performance.now();
const kpis = acc.result();
phase('result() (close the last day, per-agent figures, team figures)', performance.now() - t);
const teamNames = Object.keys(kpis.teams);
const sl = teamNames.map((team) => kpis.teams[team].serviceLevel);
console.log(
  `  ${kpis.agents.length} agents, ${teamNames.length} teams (serviceLevel ${Math.min(...sl).toFixed(3)}–${Math.max(...sl).toFixed(3)}); e.g. ${JSON.stringify(kpis.agents[0])}`,
);

// 2. The grid (12 criteria) and 5,000 evaluations scored.
const tiers3 = (a, b, low, mid, high) => [
  { from: -1e12, to: a, points: low },
  { from: a, to: b, points: mid },
  { from: b, points: high },
];
const kpi = (id, figure, weight, tiers, more = {}) => ({
  id,
  label: figure,
  weight,
  kind: 'kpi',
  kpi: { figure },
  naAllowed: false,
  tiers,
  ...more,
});
const grid = Grid.parse({
  id: 'bench',
  version: 1,
  validFrom: period.startMs,
  label: 'Bench grid',
  sections: [
    {
      id: 'production',
      label: 'Production',
      weight: 40,
      criteria: [
        kpi('sq', 'serviceQuality', 3, tiers3(0.9, 0.95, 0, 6, 10), { target: 0.95 }),
        kpi('cph', 'contactsPerHour', 2, tiers3(4.4, 4.7, 0, 5, 10)),
        kpi('aht', 'ahtSec', 2, tiers3(170, 185, 10, 6, 2)),
        kpi('apc', 'appointmentsPerCall', 2, tiers3(0.1, 0.13, 0, 5, 10)),
        kpi('spa', 'salesPerAppointment', 1, tiers3(0.35, 0.45, 0, 5, 10), { naAllowed: true }),
        kpi('rev', 'revenueCents', 2, tiers3(1_500_000, 1_900_000, 0, 5, 10)),
      ],
    },
    {
      id: 'quality',
      label: 'Quality',
      weight: 40,
      criteria: [
        kpi('fcr', 'fcr', 3, tiers3(0.6, 0.7, 0, 5, 10), { naAllowed: true }),
        kpi('csat', 'csat', 2, tiers3(2.9, 3.1, 0, 5, 10), { naAllowed: true }),
        kpi('punct', 'punctuality', 1, tiers3(0.9, 0.97, 0, 5, 10), { naAllowed: true }),
        {
          id: 'compliance',
          label: 'Compliance',
          weight: 2,
          kind: 'manual',
          scale: 'yesNo',
          naAllowed: false,
          tiers: [
            { from: 0, to: 1, points: 0 },
            { from: 1, points: 1 },
          ],
          eliminatory: 'grid',
          eliminatoryBelow: 1,
        },
        {
          id: 'script',
          label: 'Script',
          weight: 2,
          kind: 'manual',
          scale: { min: 0, max: 10 },
          naAllowed: true,
          tiers: tiers3(5, 8, 0, 5, 10),
        },
      ],
    },
    {
      id: 'behaviour',
      label: 'Behaviour',
      weight: 20,
      criteria: [
        {
          id: 'teamwork',
          label: 'Teamwork',
          weight: 1,
          kind: 'manual',
          scale: { min: 1, max: 5 },
          naAllowed: false,
          tiers: tiers3(3, 4, 0, 5, 10),
        },
      ],
    },
  ],
});
const criteria = grid.sections.flatMap((s) => s.criteria);
t = performance.now();
const scores = new Map();
const eliminated = { n: 0 };
for (const [i, row] of kpis.agents.entries()) {
  const values = {};
  for (const c of criteria) {
    if (c.kind === 'kpi') {
      values[c.id] = row.kpis[c.kpi.figure];
    }
  }
  values.compliance = i % 40 === 7 ? 0 : 1;
  values.script = i % 25 === 3 ? null : i % 11;
  values.teamwork = 1 + (i % 5);
  const score = scoreEvaluation(grid, values);
  eliminated.n += score.eliminatedBy ? 1 : 0;
  scores.set(row.agent, score.scoreBp);
}
const bps = [...scores.values()].filter((x) => x !== null);
phase(
  `score ${scores.size} evaluations (${criteria.length} criteria)`,
  performance.now() - t,
  ` (scoreBp ${Math.min(...bps)}–${Math.max(...bps)}, ${eliminated.n} eliminated)`,
);

// 3. The pay run.
const rules = PayRules.parse({
  currency: 'EUR',
  individual: {
    tiers: [
      { from: 0, to: 5000, cents: 0 },
      { from: 5000, to: 7000, cents: 10_000 },
      { from: 7000, to: 8500, cents: 20_000 },
      { from: 8500, cents: 35_000 },
    ],
  },
  collective: [
    {
      id: 'sl',
      label: 'Team service level',
      figure: 'serviceLevel',
      tiers: [
        { from: 0, to: 0.5, cents: 0 },
        { from: 0.5, to: 0.55, cents: 100_000 },
        { from: 0.55, cents: 250_000 },
      ],
    },
  ],
  challenges: [{ id: 'march', label: 'March challenge', prizeCents: 5_000 }],
  caps: { perAgentCents: 36_000, perPeriodCents: 60_000_000 },
  proration: { partTime: true, absence: true },
});
t = performance.now();
const scheduledDays = workDays.length;
const run = computePay(rules, {
  period: { id: '2026-03', startMs: period.startMs, endMs: period.endMs },
  teams: kpis.teams,
  agents: kpis.agents.map((row, i) => ({
    agentId: row.agent,
    name: row.name ?? row.agent,
    teamId: row.team ?? 'none',
    scoreBp: scores.get(row.agent) ?? null,
    partTimeBp: partTime(Number(row.agent.slice(1))) ? 6000 : 10_000,
    scheduledDays,
    absenceDays: Math.max(0, scheduledDays - row.daysLoggedIn.length),
    challengesWon: i % 50 === 0 ? ['march'] : [],
  })),
});
const sum = (pick) => run.lines.reduce((s, l) => s + pick(l), 0);
phase(
  `computePay (${run.lines.length} lines)`,
  performance.now() - t,
  ` (total ${sum((l) => l.totalCents) / 100} EUR: individual ${sum((l) => l.individualCents) / 100}, collective ${sum((l) => l.collectiveCents) / 100}, challenges ${sum((l) => l.challengeCents) / 100}, caps ${sum((l) => l.capCents) / 100})`,
);

// 4. The payroll file, as the API writes it.
t = performance.now();
const csv = stringify(payrollRows(run), { bom: true, record_delimiter: 'windows' });
phase(
  'payrollRows + csv-stringify',
  performance.now() - t,
  ` (${csv.length} characters, ${run.lines.length + 1} rows)`,
);

const total = generateMs + phases.reduce((s, [, ms]) => s + ms, 0);
const totalCpu = generateCpuMs + phases.reduce((s, [, , c]) => s + c, 0);
const afterFeed = phases.slice(1).reduce((s, [, ms]) => s + ms, 0);
console.log(
  `total: ${sec(total)} (CPU ${sec(totalCpu)}; generator alone ${sec(generateMs)}, feed ${sec(feedMs)}, everything after the feed ${sec(afterFeed)}); ${count} events; peak RSS ${peakRss()}`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
