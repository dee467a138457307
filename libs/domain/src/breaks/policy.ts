import type { BreakPolicy, PauseReasonPolicy } from '@vigie/protocol';

/**
 * The labour rule of DOMAIN.md (10 min paid per 2 h worked), overdue past 2 h 30 worked without a break, the
 * reason codes the floor's telephony writes, 80/20 service level. Limits start open: one agent of a queue or team
 * on a break at a time is a site decision, not a default.
 */
export const DEFAULT_BREAK_POLICY: BreakPolicy = {
  entitlementSec: 600,
  perWorkedSec: 7200,
  overdueAfterSec: 9000,
  defaultReason: 'Pause',
  reasons: [
    { reason: 'Pause', maxSec: 15 * 60, paid: true, rest: true },
    { reason: 'Repas', maxSec: 60 * 60, paid: false, rest: true },
    { reason: 'Formation', maxSec: 2 * 3600, paid: true, rest: false },
    { reason: 'Coaching', maxSec: 45 * 60, paid: true, rest: false },
    { reason: 'Back-office', maxSec: 2 * 3600, paid: true, rest: false },
  ],
  maxSimultaneousBreaks: { perTeam: {}, perQueue: {} },
  minReadyAgents: { perQueue: {}, default: 1 },
  serviceLevel: { targetSec: 20, goal: 0.8 },
  horizonMin: 60,
};

/** The policy of a pause reason; an unknown code is an unpaid rest break of the default reason's length. */
export function reasonPolicy(policy: BreakPolicy, reason: string | null | undefined): PauseReasonPolicy {
  const code = reason ?? policy.defaultReason;
  const known = policy.reasons.find((r) => r.reason === code);
  if (known) {
    return known;
  }
  const fallback = policy.reasons.find((r) => r.reason === policy.defaultReason);
  return { reason: code, maxSec: fallback?.maxSec ?? 15 * 60, paid: false, rest: true };
}

/** The most agents of a team on a break at once, or undefined when unlimited. */
export function maxBreaksForTeam(policy: BreakPolicy, team: string): number | undefined {
  return policy.maxSimultaneousBreaks.perTeam[team] ?? policy.maxSimultaneousBreaks.defaultPerTeam;
}

/** The most agents of a queue on a break at once, or undefined when unlimited. */
export function maxBreaksForQueue(policy: BreakPolicy, queue: string): number | undefined {
  return policy.maxSimultaneousBreaks.perQueue[queue] ?? policy.maxSimultaneousBreaks.defaultPerQueue;
}

export function minReadyAgentsFor(policy: BreakPolicy, queue: string): number {
  return policy.minReadyAgents.perQueue[queue] ?? policy.minReadyAgents.default;
}
