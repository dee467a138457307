// Break advice on a big site, pure (no server, no database): twenty scale-4 simulated floors merged into one site
// (100 queues, 1,920 agents, multi-skilled) applied to the domain's FloorState up to 14:00 local time (every agent
// logged in, the afternoon peak), a LoadEstimator and each agent's break state fed the same events, as the API's BreakLoadService does. The
// same intervals of "previous weeks" are the day's own arrivals (so every queue has a forecast for the horizon,
// the costlier `wait` path). Then, with the API's own glue (apps/api/dist/breaks/break-advice.js: adviceInput,
// breaksUnderWay, forecastFrom):
//   - the advice for every agent logged in (adviceInput + adviseBreak, one after the other, each timed);
//   - the whole queue as `BreaksService.ranked` computes it, its database reads aside: the loads of every queue,
//     the breaks under way, rankRequests over 200 pending requests, then each one's worked time and advice.
//   npx tsc -b && node bench/break-advice.mjs [floors=20] [pending=200]
import {
  adviseBreak,
  applyAgentBreakEvent,
  businessDay,
  DEFAULT_BREAK_POLICY,
  emptyAgentBreakState,
  FloorState,
  LoadEstimator,
  rankRequests,
  workedSinceLastBreak,
} from '@vigie/domain';
import { eventTime } from '@vigie/protocol';
import { loadavg } from 'node:os';
import {
  adviceInput,
  breaksUnderWay,
  forecastFrom,
  HISTORY_WEIGHT,
  Staffing,
} from '../apps/api/dist/breaks/break-advice.js';
import { bigDay, machine } from './lib.mjs';

const FLOORS = Number(process.argv[2] ?? 20);
const PENDING = Number(process.argv[3] ?? 200);
const TIME_ZONE = 'Europe/Paris';
const START = Date.UTC(2026, 2, 10, 7); // 08:00 in Paris
const HOURS = 7;
const NOW = START + 6 * 3600_000; // 14:00: both shifts logged in, near the day's peak load
const SLOT_MS = 15 * 60_000;
const policy = DEFAULT_BREAK_POLICY;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const us = (ms) => `${Math.round(ms * 1000)} µs`;

console.log(
  `machine: ${machine()}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
let t = performance.now();
const events = bigDay({ floors: FLOORS, startMs: START, hours: HOURS });
console.log(`generated ${events.length} events (${HOURS} hours) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// The floor, the load estimator and each agent's break state at 14:00, fed as the API feeds them.
t = performance.now();
const floor = new FloorState({ timeZone: TIME_ZONE });
const estimator = new LoadEstimator({ windowSec: 900 });
const dayStartMs = businessDay(START, TIME_ZONE).startMs;
const breakStates = new Map();
/** Arrivals per queue in the 15-minute slots from 14:00 (slot 0) to the horizon: the "previous weeks". */
const slots = 1 + Math.floor(policy.horizonMin / 15);
const arrivals = new Map();
let applied = 0;
for (const e of events) {
  const at = eventTime(e);
  if (at <= NOW) {
    floor.apply(e);
    estimator.apply(e, at);
    if (e.type.startsWith('agent.')) {
      const state = breakStates.get(e.agent) ?? { ...emptyAgentBreakState, accruedToMs: dayStartMs };
      breakStates.set(e.agent, applyAgentBreakEvent(state, e, policy));
    }
    applied += 1;
  }
  if (e.type === 'contact.queued' && at >= NOW && at < NOW + slots * SLOT_MS) {
    const counts = arrivals.get(e.queue) ?? new Array(slots).fill(0);
    counts[Math.floor((at - NOW) / SLOT_MS)] += 1;
    arrivals.set(e.queue, counts);
  }
}
const history = new Map([...arrivals].map(([queue, counts]) => [queue, counts.map((c) => c * 4)]));
const snapshot = floor.snapshot(NOW);
const loggedIn = snapshot.agents.filter((a) => a.state !== 'logged_out');
const queues = [...new Set(snapshot.agents.flatMap((a) => a.queues))].sort();
const states = {};
for (const a of loggedIn) {
  states[a.state] = (states[a.state] ?? 0) + 1;
}
const skills = loggedIn.reduce((s, a) => s + a.queues.length, 0) / loggedIn.length;
console.log(
  `floor at 14:00 local (${applied} events applied in ${((performance.now() - t) / 1000).toFixed(1)} s): ${snapshot.agents.length} agents (${loggedIn.length} logged in: ${JSON.stringify(states)}; ${skills.toFixed(1)} queues each on average), ${snapshot.queues.length} queues (${queues.length} served)`,
);

/** `BreakLoadService.loads`: each queue's load now, half live and half history, with the forecast ahead. */
function loads(now) {
  return queues.map((queue) => {
    const past = history.get(queue);
    const load = estimator.estimate(queue, now, past ? { callsPerHour: past[0], weight: HISTORY_WEIGHT } : undefined);
    const forecast = forecastFrom(load.basis.liveCallsPerHour, past);
    return {
      queue,
      callsPerHour: load.callsPerHour,
      ahtSec: load.ahtSec,
      patienceSec: load.basis.patienceFromData ? load.patienceSec : null,
      ...(forecast ? { forecastCallsPerHour: forecast } : {}),
      basis: { ...load.basis, forecastCallsPerHour: forecast ?? null },
    };
  });
}

// Some approved requests not started yet (one agent in 100): breaks under way besides those paused now.
const granted = loggedIn
  .filter((a) => a.state !== 'paused')
  .filter((_, i) => i % 100 === 7)
  .map((a) => ({ agent: a.agent, durationSec: 900 }));
const worked = (agent, now) => {
  const state = breakStates.get(agent);
  return state ? workedSinceLastBreak(state, now, policy) : 0;
};

// 1. The advice for every agent logged in, one after the other (after a warm-up round over 300 of them).
const shared = loads(NOW);
const loadMap = new Map(shared.map((l) => [l.queue, l]));
const breaks = breaksUnderWay(snapshot.agents, granted, policy, NOW);
// One staffing for the whole round, as a ranking shares it (its cost is in the first advice of the round).
const staffing = new Staffing(snapshot.agents, loadMap);
const kinds = {};
let inputTimes = [];
let adviseTimes = [];
let totals = [];
const reasons = {};
for (let round = 0; round < 2; round++) {
  inputTimes = [];
  adviseTimes = [];
  totals = [];
  for (const agent of round === 0 ? loggedIn.slice(0, 300) : loggedIn) {
    const workedSinceLastBreakSec = worked(agent.agent, NOW);
    const a = performance.now();
    const input = adviceInput({
      now: NOW,
      policy,
      agent,
      workedSinceLastBreakSec,
      agents: snapshot.agents,
      queues: snapshot.queues,
      loads: loadMap,
      breaks,
      staffing,
    });
    const b = performance.now();
    const advice = adviseBreak(input);
    const c = performance.now();
    inputTimes.push(b - a);
    adviseTimes.push(c - b);
    totals.push(c - a);
    if (round === 1) {
      kinds[advice.kind] = (kinds[advice.kind] ?? 0) + 1;
      for (const code of new Set(advice.reasons.map((r) => r.code))) {
        reasons[code] = (reasons[code] ?? 0) + 1;
      }
    }
  }
}
const stats = (list) => {
  const sorted = [...list].sort((x, y) => x - y);
  const mean = list.reduce((s, x) => s + x, 0) / list.length;
  return `mean ${us(mean)}, p50 ${us(percentile(sorted, 50))}, p99 ${us(percentile(sorted, 99))}, max ${us(sorted.at(-1))}`;
};
const sum = (list) => list.reduce((s, x) => s + x, 0);
console.log(
  `advice for every agent logged in (${loggedIn.length} advices, ${queues.length} queues, ${breaks.length} breaks under way or granted): ${sum(totals).toFixed(1)} ms in all`,
);
console.log(`  per advice (adviceInput + adviseBreak): ${stats(totals)}`);
console.log(`    of which adviceInput (staffed agents, effectiveAgents per queue, breaks): ${stats(inputTimes)}`);
console.log(`    of which adviseBreak (Erlang C / A, forecast slots): ${stats(adviseTimes)}`);
console.log(`  advices: ${JSON.stringify(kinds)}; agents with each reason: ${JSON.stringify(reasons)}`);

// 2. The whole queue, as BreaksService.ranked computes it (its database reads aside), PENDING requests.
const available = loggedIn.filter((a) => a.state !== 'paused');
const requesters = available.filter((_, i) => i % Math.max(1, Math.floor(available.length / PENDING)) === 0);
const pending = requesters.slice(0, PENDING).map((a, i) => {
  const requestedAtMs = NOW - ((i * 7919) % 1800) * 1000;
  return {
    row: { id: `r${i}`, agent: a.agent },
    agent: a.agent,
    requestedAtMs,
    workedSinceLastBreakSec: worked(a.agent, requestedAtMs),
  };
});
const runs = [];
const parts = [];
for (let run = 0; run < 13; run++) {
  const now = NOW + run * 1000;
  const a = performance.now();
  const l = loads(now);
  const b = performance.now();
  const under = breaksUnderWay(snapshot.agents, granted, policy, now);
  const loadByQueue = new Map(l.map((x) => [x.queue, x]));
  const rankingStaffing = new Staffing(snapshot.agents, loadByQueue);
  const order = rankRequests(pending, now, policy);
  const c = performance.now();
  const advised = [];
  for (const [i, { row }] of order.entries()) {
    const agent = snapshot.agents.find((x) => x.agent === row.agent && x.state !== 'logged_out');
    const input = adviceInput({
      now,
      policy,
      agent,
      workedSinceLastBreakSec: worked(row.agent, now),
      agents: snapshot.agents,
      queues: snapshot.queues,
      loads: loadByQueue,
      breaks: under,
      staffing: rankingStaffing,
    });
    advised.push({
      ...row,
      rank: i + 1,
      advice: adviseBreak(input),
      loads: l.filter((x) => agent.queues.includes(x.queue)),
    });
  }
  const d = performance.now();
  if (run >= 3) {
    runs.push(d - a);
    parts.push([b - a, c - b, d - c]);
  }
}
runs.sort((x, y) => x - y);
const mean = (k) => sum(parts.map((p) => p[k])) / parts.length;
console.log(
  `whole queue (${pending.length} pending requests; ${runs.length} runs after 3 warm-up): median ${percentile(runs, 50).toFixed(1)} ms, max ${runs.at(-1).toFixed(1)} ms`,
);
console.log(
  `  of which (means): loads of ${queues.length} queues ${mean(0).toFixed(2)} ms, breaks under way + rankRequests ${us(mean(1))}, ${pending.length} advices ${mean(2).toFixed(1)} ms`,
);
t = performance.now();
for (let i = 0; i < 20; i++) {
  rankRequests(pending, NOW + i, policy);
}
console.log(`  rankRequests alone over ${pending.length} requests: ${us((performance.now() - t) / 20)}`);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
