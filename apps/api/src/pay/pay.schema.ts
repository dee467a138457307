import { PayRules } from '@vigie/protocol';
import { z } from 'zod';

const Id = z.string().trim().min(1).max(100);
const Days = z.number().int().nonnegative().max(366);

const duplicates = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

/** The rules a site's pay runs use: the protocol's `PayRules`, with collective and challenge ids unique. */
export const PayRulesBody = PayRules.superRefine((rules, ctx) => {
  for (const key of ['collective', 'challenges'] as const) {
    const twice = duplicates(rules[key].map((r) => r.id));
    if (twice.length > 0) {
      ctx.addIssue({ code: 'custom', path: [key], message: `ids must be unique (${twice.join(', ')} twice)` });
    }
  }
});

/**
 * HR's terms for one agent of a run; each one left out takes its default: full time (10000), the period's weekdays
 * (Monday to Friday) as scheduled days, absence = scheduled days − weekdays with a login (at least 0), no challenge.
 */
export const AgentTerms = z
  .object({
    partTimeBp: z.number().int().min(1).max(10_000).optional(),
    scheduledDays: Days.min(1).optional(),
    absenceDays: Days.optional(),
    challengesWon: z.array(Id).max(100).optional(),
  })
  .refine((t) => t.absenceDays === undefined || t.scheduledDays === undefined || t.absenceDays <= t.scheduledDays, {
    path: ['absenceDays'],
    message: 'more absences than scheduled days',
  });
export type AgentTerms = z.infer<typeof AgentTerms>;

export const CreatePayRun = z.object({
  periodId: z.uuid(),
  /** By agent id; agents without terms take the defaults. */
  terms: z.record(Id, AgentTerms).default({}),
  /** A locked run of the same period that this one corrects. */
  supersedes: z.uuid().optional(),
});
export type CreatePayRun = z.infer<typeof CreatePayRun>;

export const PayAdjustment = z.object({
  agent: Id,
  /** Signed: added to the line's total, never capped; the line stays ≥ 0. */
  cents: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((c) => c !== 0, 'an adjustment is not 0'),
  reason: z.string().trim().min(1).max(1000),
});
export type PayAdjustment = z.infer<typeof PayAdjustment>;

export const PayRunQuery = z.object({ periodId: z.uuid().optional() });
export type PayRunQuery = z.infer<typeof PayRunQuery>;
