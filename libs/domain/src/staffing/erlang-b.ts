import { checkParameters, fail, ok, type StaffingResult } from './staffing-input.js';

/** One step of the Erlang B recurrence: B(n) = A·B(n−1) / (n + A·B(n−1)). Stays in [0, 1]; never overflows. */
export function nextBlocking(previous: number, agents: number, offeredLoad: number): number {
  const carried = offeredLoad * previous;
  return carried / (agents + carried);
}

/** Erlang B from B(0) = 1, for inputs already checked. It underflows gracefully to 0 when A ≪ N. */
export function blockingProbability(agents: number, offeredLoad: number): number {
  let blocking = 1;
  for (let n = 1; n <= agents; n++) {
    blocking = nextBlocking(blocking, n, offeredLoad);
  }
  return blocking;
}

/** Erlang B: the probability that a call finds all `agents` busy in a loss system offered `offeredLoad` erlangs. */
export function erlangB(agents: number, offeredLoad: number): StaffingResult<number> {
  const invalid = checkParameters({ agents, offeredLoad }, ['agents', 'offeredLoad']);
  return invalid ? fail(invalid) : ok(blockingProbability(agents, offeredLoad));
}
