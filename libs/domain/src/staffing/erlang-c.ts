import { blockingProbability, nextBlocking } from './erlang-b.js';
import {
  fail,
  ok,
  STAFFING_LIMITS,
  validatedLoad,
  type StaffingInputError,
  type StaffingResult,
} from './staffing-input.js';

export interface ErlangCInput {
  readonly callsPerHour: number;
  readonly ahtSec: number;
  readonly agents: number;
  /** Service-level threshold: a call counts as answered in time when it waited at most this long. */
  readonly targetSec: number;
}

export interface ErlangCResult {
  /** A = λ·AHT, in erlangs. */
  readonly offeredLoad: number;
  /** C(N, A): the probability that a call has to wait. */
  readonly probWait: number;
  /** The fraction of calls answered within `targetSec`. */
  readonly serviceLevel: number;
  /** Mean wait over all calls, those answered at once included. */
  readonly asaSec: number;
  /** A / N. */
  readonly occupancy: number;
}

export interface AgentsForInput {
  readonly callsPerHour: number;
  readonly ahtSec: number;
  readonly targetSec: number;
  /** The service level to reach, as a fraction (0.8 for 80/20 with `targetSec` 20). */
  readonly serviceLevel: number;
}

export interface AgentsForResult {
  readonly agents: number;
  /** The service level those agents give (≥ the one asked for). */
  readonly serviceLevel: number;
}

/**
 * Erlang C (M/M/N, callers never give up). Without abandonment an offered load A ≥ N has no steady state: the
 * result is then an `unstable` error on `agents` whose `limit` is the fewest agents giving one.
 */
export function erlangC(input: ErlangCInput): StaffingResult<ErlangCResult> {
  const load = validatedLoad(input, ['callsPerHour', 'ahtSec', 'agents', 'targetSec']);
  if (!load.ok) {
    return load;
  }
  const offeredLoad = load.value;
  if (offeredLoad >= input.agents) {
    return fail(unstable(offeredLoad));
  }
  const blocking = blockingProbability(input.agents, offeredLoad);
  return ok(erlangCMeasures(input.agents, offeredLoad, blocking, input));
}

/**
 * The fewest agents whose Erlang C service level reaches the target. Erlang B is carried from one head count to the
 * next, so the search costs O(answer) whatever the load; it starts at the first N above A.
 */
export function agentsFor(input: AgentsForInput): StaffingResult<AgentsForResult> {
  const load = validatedLoad(input, ['callsPerHour', 'ahtSec', 'targetSec', 'serviceLevel']);
  if (!load.ok) {
    return load;
  }
  const offeredLoad = load.value;
  let blocking = 1;
  for (let agents = 1; agents <= STAFFING_LIMITS.maxAgents; agents++) {
    blocking = nextBlocking(blocking, agents, offeredLoad);
    if (agents > offeredLoad) {
      const { serviceLevel } = erlangCMeasures(agents, offeredLoad, blocking, input);
      if (serviceLevel >= input.serviceLevel) {
        return ok({ agents, serviceLevel });
      }
    }
  }
  return fail({
    code: 'invalid',
    parameter: 'serviceLevel',
    message:
      `serviceLevel ${input.serviceLevel} needs more than ${STAFFING_LIMITS.maxAgents} agents ` +
      `for ${offeredLoad} erlangs`,
    limit: STAFFING_LIMITS.maxAgents,
  });
}

function erlangCMeasures(
  agents: number,
  offeredLoad: number,
  blocking: number,
  { ahtSec, targetSec }: { readonly ahtSec: number; readonly targetSec: number },
): ErlangCResult {
  const spare = agents - offeredLoad;
  const probWait = (agents * blocking) / (spare + offeredLoad * blocking);
  return {
    offeredLoad,
    probWait,
    serviceLevel: 1 - probWait * Math.exp((-spare * targetSec) / ahtSec),
    asaSec: (probWait * ahtSec) / spare,
    occupancy: offeredLoad / agents,
  };
}

function unstable(offeredLoad: number): StaffingInputError {
  return {
    code: 'unstable',
    parameter: 'agents',
    message:
      `agents must be more than the offered load of ${offeredLoad} erlangs: without abandonment the queue grows ` +
      'without bound (Erlang A, with patience, still answers)',
    limit: Math.floor(offeredLoad) + 1,
  };
}
