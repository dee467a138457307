// Live engine alone, one core: a simulated day of ~1,000,000 events (≈1,900 agents, 100 queues) applied to
// the domain's FloorState; events/s, heap, and the cost of one snapshot. Prints its figures.
//   node bench/engine.mjs
import { FloorState } from '@vigie/domain';
import { bigDay, machine } from './lib.mjs';

const FLOORS = 20;
const START = Date.UTC(2026, 2, 10, 7);

console.log(`machine: ${machine()}`);
const t0 = performance.now();
const events = bigDay({ floors: FLOORS, startMs: START });
console.log(`generated ${events.length} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const floor = new FloorState({ timeZone: 'Europe/Paris' });
const started = performance.now();
for (const e of events) {
  floor.apply(e);
}
const seconds = (performance.now() - started) / 1000;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const mid = Date.parse(events[Math.floor(events.length / 2)].at);
const snap = floor.snapshot(Date.parse(events.at(-1).at));
console.log(`engine: ${Math.round(events.length / seconds)} events/s (${seconds.toFixed(2)} s for the day)`);
console.log(
  `state at end of day: ${snap.agents.length} agents, ${snap.queues.length} queues; heap +${Math.round((heapAfter - heapBefore) / 2 ** 20)} MiB`,
);

let snapshots = 0;
const s0 = performance.now();
while (performance.now() - s0 < 2000) {
  floor.snapshot(mid + snapshots * 1000);
  snapshots += 1;
}
console.log(
  `one full snapshot (${snap.agents.length} agents, ${snap.queues.length} queues): ${((performance.now() - s0) / snapshots).toFixed(2)} ms`,
);
