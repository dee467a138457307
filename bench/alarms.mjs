// Alarm rules on the live path: the cost of evaluating 10,000 rules per tick on a big floor (observe the snapshot,
// step every rule on its subjects, write levels and active alarms back), against the snapshot it follows.
//   npx tsc -b && node --expose-gc bench/alarms.mjs
import { AlarmEvaluator, DEFAULT_RULES, evaluateFloor, FloorState, observe } from '@vigie/domain';
import { bigDay, machine } from './lib.mjs';

const FLOORS = 10;
const START = Date.UTC(2026, 2, 10, 7);
const TICKS = 120;

/** Ten scale-4 floors renamed apart: one site of ~960 agents and 50 queues, as at `endMs`. */
function floorAt(endMs) {
  const floor = new FloorState({ timeZone: 'Europe/Paris' });
  for (const e of bigDay({ floors: FLOORS, startMs: START, hours: 3 })) {
    if (Date.parse(e.at) <= endMs) {
      floor.apply(e);
    }
  }
  return floor;
}

/** 10,000 rules: the defaults, then named rules on every queue and agent (several figures each) until 10,000. */
function rules(snapshot) {
  const out = [...DEFAULT_RULES];
  const queueFigures = [
    'longestWaitSec',
    'waiting',
    'serviceLevel',
    'abandoned',
    'agents.ready',
    'current15.serviceLevel',
  ];
  const agentFigures = ['currentPauseSec', 'currentTalkSec', 'stateSec', 'ringNoAnswerInARow', 'pausedSec'];
  let n = 0;
  const add = (rule) => out.length < 10_000 && out.push({ id: `r${++n}`, minDurationSec: 30, hysteresis: 1, ...rule });
  for (let round = 0; out.length < 10_000; round++) {
    for (const q of snapshot.queues) {
      const figure = queueFigures[round % queueFigures.length];
      const below = figure.includes('serviceLevel') || figure === 'agents.ready';
      add({
        figure,
        scope: { kind: 'queue', name: q.queue },
        direction: below ? 'below' : 'above',
        orange: below ? 0.8 - round / 1e4 : 10 + round,
        red: below ? 0.5 : 100 + round,
      });
    }
    for (const a of snapshot.agents) {
      add({
        figure: agentFigures[round % agentFigures.length],
        scope: { kind: 'agent', name: a.agent },
        direction: 'above',
        orange: 300 + round,
        red: 900 + round,
      });
    }
  }
  return out;
}

console.log(`machine: ${machine()}`);
const at = START + 3 * 3600_000;
const floor = floorAt(at);
const first = floor.snapshot(at);
const all = rules(first);
console.log(`floor: ${first.agents.length} agents, ${first.queues.length} queues; ${all.length} rules`);
const evaluator = new AlarmEvaluator(all, { timeZone: 'Europe/Paris' });
const alone = new AlarmEvaluator(all, { timeZone: 'Europe/Paris' });
let observeMs = 0;
let evaluateMs = 0;

let snapshotMs = 0;
let alarmMs = 0;
let transitions = 0;
for (let i = 0; i < TICKS; i++) {
  const now = at + i * 1000;
  const a = performance.now();
  const snapshot = floor.snapshot(now);
  const b = performance.now();
  transitions += evaluateFloor(snapshot, 'bench', evaluator, now).length;
  const c = performance.now();
  const observations = observe(floor.snapshot(now), 'bench');
  const d = performance.now();
  alone.evaluate(now, observations);
  const e = performance.now();
  if (i >= 10) {
    snapshotMs += b - a;
    alarmMs += c - b;
    observeMs += d - c;
    evaluateMs += e - d;
  }
}
const n = TICKS - 10;
console.log(
  `per tick (mean of ${n}, after 10 warm-up): snapshot ${(snapshotMs / n).toFixed(2)} ms; alarms (observe + ${all.length} rules + levels) ${((alarmMs / n) * 1000).toFixed(0)} µs`,
);
console.log(
  `  of which: observing the snapshot ${((observeMs / n) * 1000).toFixed(0)} µs, evaluating the rules ${((evaluateMs / n) * 1000).toFixed(0)} µs (the rest: levels and the active-alarm list)`,
);
console.log(`transitions over the run: ${transitions}; active alarms at the end: ${evaluator.active().length}`);
