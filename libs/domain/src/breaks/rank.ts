import type { BreakPolicy } from '@vigie/protocol';
import { DEFAULT_BREAK_POLICY } from './policy.js';

export interface BreakRequest {
  readonly agent: string;
  readonly requestedAtMs: number;
  /** Worked since the last rest break when the request was made; the agent keeps working while it waits. */
  readonly workedSinceLastBreakSec: number;
}

/** Worked since the last break as of `now`: the request's figure plus the time it has been waiting. */
export function workedSinceLastBreakAt(request: BreakRequest, now: number): number {
  return request.workedSinceLastBreakSec + Math.max(0, now - request.requestedAtMs) / 1000;
}

/**
 * Fairness order of the pending requests: overdue ones first, then the longest worked without a break, then the
 * oldest request, then the agent id (a stable order for the screen).
 */
export function rankRequests<T extends BreakRequest>(
  requests: readonly T[],
  now: number,
  policy: BreakPolicy = DEFAULT_BREAK_POLICY,
): T[] {
  const keyed = requests.map((request) => {
    const worked = workedSinceLastBreakAt(request, now);
    return { request, worked, overdue: worked > policy.overdueAfterSec };
  });
  keyed.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      b.worked - a.worked ||
      a.request.requestedAtMs - b.request.requestedAtMs ||
      (a.request.agent < b.request.agent ? -1 : a.request.agent > b.request.agent ? 1 : 0),
  );
  return keyed.map((k) => k.request);
}
