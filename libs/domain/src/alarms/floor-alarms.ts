import type { FloorSnapshot, Level } from '@vigie/protocol';
import { overdueContacts, type ActionTypeTable, type WaitingContact } from './action-types.js';
import type { AlarmEvaluator, AlarmTransition } from './alarm-evaluator.js';
import { observe, subjectKey, type SubjectKind } from './observe.js';
import type { OverdueWatch } from './overdue-watch.js';

/** The contacts waiting now and the site's action types, to raise the contacts past their delay. */
export interface OverdueInput {
  watch: OverdueWatch;
  waiting: Iterable<WaitingContact>;
  table: ActionTypeTable;
}

const SEVERITY: Record<'orange' | 'red', number> = { red: 0, orange: 1 };

/**
 * Evaluates a site's rules on a live snapshot and writes the outcome into it: the level of every figure that
 * has a rule (queues, site, teams, agents, channels) and the alarms active now (rules, and contacts past their
 * action type's delay when `overdue` is given), most severe then oldest first. Screens only colour what this
 * wrote. Returns the transitions of this evaluation (to persist and announce).
 */
export function evaluateFloor(
  snapshot: FloorSnapshot,
  site: string,
  evaluator: AlarmEvaluator,
  nowMs: number,
  overdue?: OverdueInput,
): AlarmTransition[] {
  const transitions = evaluator.evaluate(nowMs, observe(snapshot, site));
  if (overdue) {
    transitions.push(...overdue.watch.update(overdueContacts(overdue.waiting, overdue.table, nowMs), nowMs));
  }
  const levels = evaluator.levels();
  const of = (kind: SubjectKind, name: string): Record<string, Level> => levels.get(subjectKey({ kind, name })) ?? {};
  for (const q of snapshot.queues) {
    q.levels = of('queue', q.queue);
  }
  snapshot.totals.levels = of('site', site);
  for (const t of snapshot.teams) {
    t.levels = of('team', t.team);
  }
  for (const a of snapshot.agents) {
    a.levels = of('agent', a.agent);
  }
  for (const c of snapshot.channels) {
    c.levels = of('channel', c.channel);
  }
  snapshot.alarms = [...evaluator.active(), ...(overdue?.watch.active() ?? [])]
    .sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level] || a.raisedAtMs - b.raisedAtMs || (a.key < b.key ? -1 : 1))
    .map(({ raisedAtMs, ...alarm }) => ({ ...alarm, raisedAt: new Date(raisedAtMs).toISOString() }));
  return transitions;
}
