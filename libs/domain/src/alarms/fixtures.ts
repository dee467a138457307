import type { FloorSnapshot, VigieEvent } from '@vigie/protocol';
import { FloorState } from '../kpi/floor-state.js';

/** Tuesday 10 February 2026, 09:00 in Paris. */
export const T0 = Date.UTC(2026, 1, 10, 8);

let n = 0;
const e = <T extends VigieEvent['type']>(type: T, sec: number, fields: Record<string, unknown>) =>
  ({ type, id: `e${++n}`, site: 'paris', at: new Date(T0 + sec * 1000).toISOString(), ...fields }) as Extract<
    VigieEvent,
    { type: T }
  >;

/**
 * A stretched floor on queue "standard": A goes on a break ("Pause") at 0; B lets c1 ring unanswered, then takes
 * it at 5 and talks on; C logs out; c2 waits from 10 with nobody ready.
 */
export function stretchedFloor(): FloorState {
  const floor = new FloorState({ timeZone: 'Europe/Paris' });
  [
    e('agent.logged_in', 0, { agent: 'A', queue: 'standard', team: 'Équipe A' }),
    e('agent.logged_in', 0, { agent: 'B', queue: 'standard', team: 'Équipe A' }),
    e('agent.logged_in', 0, { agent: 'C', queue: 'standard', team: 'Équipe A' }),
    e('agent.paused', 0, { agent: 'A', reason: 'Pause' }),
    e('contact.queued', 1, { contactId: 'c1', queue: 'standard', channel: 'voice' }),
    e('contact.ring_no_answer', 2, { contactId: 'c1', queue: 'standard', agent: 'B', ringSec: 1 }),
    e('agent.logged_out', 3, { agent: 'C' }),
    e('contact.answered', 5, { contactId: 'c1', queue: 'standard', agent: 'B', waitSec: 4 }),
    e('contact.queued', 10, { contactId: 'c2', queue: 'standard', channel: 'voice' }),
  ].forEach((ev) => floor.apply(ev));
  return floor;
}

/** The snapshot of the stretched floor `sec` seconds after T0. */
export function stretchedSnapshot(sec: number, floor = stretchedFloor()): FloorSnapshot {
  return floor.snapshot(T0 + sec * 1000);
}
