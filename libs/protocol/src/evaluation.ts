import { z } from 'zod';

/**
 * Evaluation grids, evaluations and variable-pay rules (docs/DOMAIN.md, "Evaluation grids and variable pay"). The
 * scoring and pay arithmetic lives in libs/domain (`evaluation/`). Money is integer cents of `currency`.
 */
const Id = z.string().trim().min(1).max(100);
const Label = z.string().trim().min(1).max(200);
const Weight = z.number().int().positive().max(1000);
const EpochMs = z.number().int().nonnegative();
const Cents = z.number().int().nonnegative().max(1_000_000_000);
const Days = z.number().int().nonnegative().max(366);

interface TierLike {
  from: number;
  to?: number | undefined;
}

/** Tiers ("paliers") are half-open ranges `[from, to)`, sorted, not overlapping; only the last may be open-ended. */
function checkTiers(tiers: readonly TierLike[], ctx: z.RefinementCtx): void {
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1];
    if (tier.to !== undefined && tier.to <= tier.from) {
      ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'a tier must end after it starts' });
    }
    if (next && (tier.to === undefined || next.from < tier.to)) {
      ctx.addIssue({ code: 'custom', path: [i + 1, 'from'], message: 'tiers must be sorted and must not overlap' });
    }
  });
}

/**
 * Figures computed from the event log for one agent over the period. Units: ratios as fractions (QS 0.82), times in
 * seconds, revenue in cents, CSAT on the survey's own scale, punctuality as the fraction of shifts started on time.
 */
export const AgentKpiFigure = z.enum([
  'serviceQuality',
  'contactsPerHour',
  'ahtSec',
  'fcr',
  'appointmentsPerCall',
  'salesPerAppointment',
  'revenueCents',
  'csat',
  'punctuality',
]);
export type AgentKpiFigure = z.infer<typeof AgentKpiFigure>;

/** Values in `[from, to)` (the figure's unit, or the scale) earn `points`. */
export const GridTier = z.object({
  from: z.number().finite(),
  to: z.number().finite().optional(),
  points: z.number().int().nonnegative().max(1000),
});
export type GridTier = z.infer<typeof GridTier>;

const CriterionBase = z.object({
  id: Id,
  label: Label,
  weight: Weight,
  /** N/A (a `null` value) is then allowed and leaves the criterion out of the section's denominator. */
  naAllowed: z.boolean(),
  /** The value aimed at, shown to the agent ("contract"); the points come from the tiers only. */
  target: z.number().finite().optional(),
  tiers: z.array(GridTier).min(1).max(20).superRefine(checkTiers),
  /** A value below `eliminatoryBelow` zeroes the section or the whole grid. */
  eliminatory: z.enum(['section', 'grid']).optional(),
  eliminatoryBelow: z.number().finite().optional(),
});

export const KpiCriterion = CriterionBase.extend({ kind: z.literal('kpi'), kpi: z.object({ figure: AgentKpiFigure }) });
/** Scored by the supervisor on a scale or yes/no (no = 0, yes = 1, so tiers `[0, 1)` and `[1, …)`). */
export const ManualCriterion = CriterionBase.extend({
  kind: z.literal('manual'),
  scale: z.union([z.object({ min: z.number().finite(), max: z.number().finite() }), z.literal('yesNo')]),
});
export const Criterion = z.discriminatedUnion('kind', [KpiCriterion, ManualCriterion]).superRefine((c, ctx) => {
  if ((c.eliminatory === undefined) !== (c.eliminatoryBelow === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['eliminatoryBelow'], message: 'eliminatory needs eliminatoryBelow' });
  }
  if (!c.tiers.some((t) => t.points > 0)) {
    ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'some tier must give points' });
  }
  if (c.kind === 'manual' && c.scale !== 'yesNo' && c.scale.max <= c.scale.min) {
    ctx.addIssue({ code: 'custom', path: ['scale'], message: 'the scale must end after it starts' });
  }
});
export type Criterion = z.infer<typeof Criterion>;

export const GridSection = z.object({ id: Id, label: Label, weight: Weight, criteria: z.array(Criterion).min(1) });
export type GridSection = z.infer<typeof GridSection>;

/** One version of a grid; a period is scored on the version in force when it opened (`validFrom` ≤ its start). */
export const Grid = z
  .object({
    id: Id,
    version: z.number().int().positive(),
    validFrom: EpochMs,
    label: Label,
    sections: z.array(GridSection).min(1),
  })
  .superRefine((grid, ctx) => {
    const ids = grid.sections.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'section and criterion ids must be unique' });
    }
  });
export type Grid = z.infer<typeof Grid>;

/** Value per criterion id: the KPI figure or the manual score; `null` is N/A. */
export const EvaluationValues = z.record(Id, z.number().finite().nullable());
export type EvaluationValues = z.infer<typeof EvaluationValues>;

export const Stamp = z.object({ by: Id, atMs: EpochMs });
export type Stamp = z.infer<typeof Stamp>;

/**
 * One revision of an agent's evaluation. All revisions share `id`; a correction of a validated (locked) revision is
 * a new revision that `supersedes` it, and the old one is kept as it was.
 */
export const Evaluation = z.object({
  id: Id,
  revision: z.number().int().positive(),
  supersedes: z.number().int().positive().nullable(),
  agentId: Id,
  gridId: Id,
  gridVersion: z.number().int().positive(),
  periodStartMs: EpochMs,
  periodEndMs: EpochMs,
  values: EvaluationValues,
  /** Who wrote this revision, when, and why (a revision's reason, e.g. a dispute upheld). */
  author: Stamp,
  reason: z.string().max(2000).nullable(),
  /** Set when validated: a locked revision is never edited again. */
  locked: Stamp.nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;

const MoneyTier = z.object({ from: z.number().finite(), to: z.number().finite().optional(), cents: Cents });

export const PayRules = z.object({
  /** ISO 4217 code; amounts are hundredths of it. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Individual bonus by grid score, in basis points of the maximum (8000 = 80.00/100). */
  individual: z.object({
    tiers: z
      .array(
        MoneyTier.extend({ from: z.number().int().min(0).max(10_000), to: z.number().int().max(10_000).optional() }),
      )
      .superRefine(checkTiers),
  }),
  /** A team figure (e.g. `service_level`) picks a pool by tiers; the pool is shared by presence days. */
  collective: z.array(
    z.object({ id: Id, label: Label, figure: Id, tiers: z.array(MoneyTier).min(1).superRefine(checkTiers) }),
  ),
  challenges: z.array(z.object({ id: Id, label: Label, prizeCents: Cents })),
  /** `null`: no cap. */
  caps: z.object({ perAgentCents: Cents.nullable(), perPeriodCents: Cents.nullable() }),
  /** Whether the individual bonus is prorated by the part-time ratio and by the days of absence. */
  proration: z.object({ partTime: z.boolean(), absence: z.boolean() }),
});
export type PayRules = z.infer<typeof PayRules>;

export const AgentPayInput = z
  .object({
    agentId: Id,
    name: z.string().max(200),
    teamId: Id,
    /** Validated grid score in basis points of the maximum; `null`: no validated evaluation. */
    scoreBp: z.number().int().min(0).max(10_000).nullable(),
    /** Contract time over full time, basis points (60 % part-time: 6000). */
    partTimeBp: z.number().int().min(1).max(10_000),
    /** The agent's own planned working days in the period, and the days absent among them. */
    scheduledDays: Days.min(1),
    absenceDays: Days,
    challengesWon: z.array(Id),
  })
  .refine((a) => a.absenceDays <= a.scheduledDays, { path: ['absenceDays'], message: 'more absences than days' });
export type AgentPayInput = z.infer<typeof AgentPayInput>;

export const PayPeriod = z.object({ id: Id, startMs: EpochMs, endMs: EpochMs });
export type PayPeriod = z.infer<typeof PayPeriod>;

export const PayInput = z.object({
  period: PayPeriod,
  /** Team figures over the period by team id, then figure name. */
  teams: z.record(Id, z.record(Id, z.number().finite())),
  agents: z.array(AgentPayInput).refine((as) => new Set(as.map((a) => a.agentId)).size === as.length, {
    message: 'one line per agent',
  }),
});
export type PayInput = z.infer<typeof PayInput>;
