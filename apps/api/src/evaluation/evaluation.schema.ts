import { EvaluationValues, GridSection } from '@vigie/protocol';
import { DateTime } from 'luxon';
import { z } from 'zod';

/** Request bodies and queries of the evaluation API (docs/evaluation.md). */

const Id = z.string().trim().min(1).max(100);
const Label = z.string().trim().min(1).max(200);
const Team = z.string().trim().min(1).max(100);
const Text = z.string().trim().min(1).max(2000);

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'not a calendar date');

/** Section and criterion ids are unique within a grid (as `Grid` in libs/protocol checks). */
function uniqueIds(sections: readonly GridSection[], ctx: z.RefinementCtx): void {
  const ids = sections.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: [], message: 'section and criterion ids must be unique' });
  }
}

export const GridVersionBody = z.object({
  label: Label,
  validFrom: LocalDate,
  /** Teams the grid applies to; empty: every team. */
  teams: z.array(Team).max(200).default([]),
  sections: z.array(GridSection).min(1).max(50).superRefine(uniqueIds),
});
export type GridVersionBody = z.infer<typeof GridVersionBody>;

export const CreateGridBody = GridVersionBody.extend({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, ., - and _ (1 to 100)'),
});
export type CreateGridBody = z.infer<typeof CreateGridBody>;

export const PeriodKind = z.enum(['week', 'month', 'quarter']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** Monthly unless said otherwise (DOMAIN.md: a constant frequency, monthly by default). */
export const OpenPeriodBody = z.object({ kind: PeriodKind.default('month'), start: LocalDate, gridId: Id });
export type OpenPeriodBody = z.infer<typeof OpenPeriodBody>;

export const EvaluationStatus = z.enum(['draft', 'submitted', 'acknowledged', 'disputed', 'validated']);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;

export const EvaluationQuery = z.object({
  period: z.uuid({ message: 'a period id' }).optional(),
  agent: z.string().trim().min(1).max(200).optional(),
  team: Team.optional(),
  status: EvaluationStatus.optional(),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

/** Comment per criterion id, and `""` for the whole evaluation. */
const Comments = z.record(z.string().max(100), z.string().max(2000));

export const PatchEvaluationBody = z
  .object({ values: EvaluationValues.default({}), comments: Comments.default({}) })
  .refine((b) => Object.keys(b.values).length + Object.keys(b.comments).length > 0, {
    message: 'values or comments to change',
    path: ['values'],
  });
export type PatchEvaluationBody = z.infer<typeof PatchEvaluationBody>;

export const AcknowledgeBody = z.object({ comment: z.string().trim().max(2000).optional() }).default({});
export type AcknowledgeBody = z.infer<typeof AcknowledgeBody>;

export const DisputeBody = z.object({ comment: Text });
export type DisputeBody = z.infer<typeof DisputeBody>;

export const ArbitrateBody = z
  .object({ decision: z.enum(['upheld', 'rejected']), values: EvaluationValues.optional(), comment: Text })
  .refine((b) => b.decision === 'upheld' || b.values === undefined, {
    message: 'values go with an upheld dispute only',
    path: ['values'],
  });
export type ArbitrateBody = z.infer<typeof ArbitrateBody>;

export const ReviseBody = z.object({ values: EvaluationValues, reason: Text });
export type ReviseBody = z.infer<typeof ReviseBody>;

export const HistoryQuery = z
  .object({ agent: z.string().trim().min(1).max(200).optional(), team: Team.optional() })
  .refine((q) => (q.agent === undefined) !== (q.team === undefined), {
    message: 'give either agent or team',
    path: ['agent'],
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** The last local day of a period starting on `start`: months and quarters end the day before the same day. */
export function periodEnd(kind: PeriodKind, start: string): string {
  const first = DateTime.fromISO(start, { zone: 'UTC' });
  const next = kind === 'week' ? first.plus({ days: 7 }) : first.plus({ months: kind === 'month' ? 1 : 3 });
  return next.minus({ days: 1 }).toISODate()!;
}
