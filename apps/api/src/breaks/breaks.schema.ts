import { z } from 'zod';

export const BREAK_STATUSES = ['pending', 'approved', 'denied', 'expired', 'cancelled', 'on_break', 'done'] as const;
export type BreakStatus = (typeof BREAK_STATUSES)[number];

/** Socket message on `/live` to the site's room: the ranked pending requests with their live advice. */
export const BREAK_REQUESTS_EVENT = 'breaks.requests';

/** How long a pending request waits for a decision. */
export const REQUEST_TTL_MIN = 30;

export const CreateBreakRequest = z.object({
  agent: z.string().trim().min(1).max(200),
  /** A rest reason of the site's policy; the policy's default reason when absent. */
  reason: z.string().trim().min(1).max(100).optional(),
  /** At most the reason's maximum duration, which is also the default. */
  durationMin: z
    .number()
    .positive()
    .max(24 * 60)
    .optional(),
});
export type CreateBreakRequest = z.infer<typeof CreateBreakRequest>;

export const BreakDecision = z
  .object({
    decision: z.enum(['approve', 'deny']),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((d) => d.decision === 'approve' || d.reason !== undefined, {
    message: 'a reason is required to deny',
    path: ['reason'],
  });
export type BreakDecision = z.infer<typeof BreakDecision>;

export const BreakRequestQuery = z.object({
  status: z.enum([...BREAK_STATUSES, 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type BreakRequestQuery = z.infer<typeof BreakRequestQuery>;
