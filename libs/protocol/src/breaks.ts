import { z } from 'zod';

/**
 * A site's break policy (the break advisor reads it; supervisors edit it). The default values live with the
 * advisor in libs/domain (`DEFAULT_BREAK_POLICY`).
 */
const Seconds = z.number().int().positive().max(86_400);
const Count = z.number().int().nonnegative().max(100_000);

export const PauseReasonPolicy = z.object({
  /** Pause reason code as the telephony system writes it (`Pause`, `Repas`, `Formation`…). */
  reason: z.string().trim().min(1).max(100),
  /** Longest expected duration of one pause for that reason; beyond it the pause runs over. */
  maxSec: Seconds,
  /** Paid time: a paid rest pause draws on the entitlement. */
  paid: z.boolean(),
  /** A rest break: ends "worked since the last break" and counts against the simultaneous-break limits. */
  rest: z.boolean(),
});
export type PauseReasonPolicy = z.infer<typeof PauseReasonPolicy>;

export const BreakPolicy = z.object({
  /** Paid break earned per `perWorkedSec` worked (10 min per 2 h: 600 per 7200). */
  entitlementSec: Seconds,
  perWorkedSec: Seconds,
  /** Worked this long without a rest break, the break is granted despite the load. */
  overdueAfterSec: Seconds,
  /** The reason a break request uses when it names none. */
  defaultReason: z.string().trim().min(1).max(100),
  reasons: z.array(PauseReasonPolicy).min(1),
  /** Most agents on a rest break at once, per team and per queue; `default` for those not listed, absent: none. */
  maxSimultaneousBreaks: z.object({
    perTeam: z.record(z.string(), Count),
    perQueue: z.record(z.string(), Count),
    defaultPerTeam: Count.optional(),
    defaultPerQueue: Count.optional(),
  }),
  /** Fewest agents that must stay available (logged in, not paused) in a queue. */
  minReadyAgents: z.object({ perQueue: z.record(z.string(), Count), default: Count }),
  /** Service-level target for queues without their own: `goal` of the calls answered within `targetSec`. */
  serviceLevel: z.object({ targetSec: z.number().finite().nonnegative().max(3600), goal: z.number().min(0).lt(1) }),
  /** How far ahead a "wait" advice looks for a better moment, minutes. */
  horizonMin: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});
export type BreakPolicy = z.infer<typeof BreakPolicy>;
