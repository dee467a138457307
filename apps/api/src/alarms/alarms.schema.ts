import { ActionType } from '@vigie/protocol';
import { z } from 'zod';

export const AlarmQuery = z
  .object({
    state: z.enum(['open', 'cleared', 'all']).default('all'),
    level: z.enum(['orange', 'red']).optional(),
    rule: z.string().min(1).max(100).optional(),
    subjectKind: z.enum(['site', 'queue', 'team', 'agent', 'channel', 'contact']).optional(),
    subject: z.string().min(1).max(200).optional(),
    from: z.iso.datetime({ offset: true, message: 'an ISO-8601 time' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'an ISO-8601 time' }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });
export type AlarmQuery = z.infer<typeof AlarmQuery>;

export const Acknowledge = z.object({ comment: z.string().trim().max(1000).optional() });
export type Acknowledge = z.infer<typeof Acknowledge>;

export const ActionTypeTable = z
  .array(ActionType)
  .max(200)
  .refine((types) => new Set(types.map((t) => t.actionType)).size === types.length, {
    message: 'each action type once',
  });

/** Who gets alarm e-mails on a site, from which level. */
export const AlarmEmail = z.object({
  to: z.array(z.email()).max(50),
  minLevel: z.enum(['orange', 'red']).default('red'),
});
export type AlarmEmail = z.infer<typeof AlarmEmail>;

export const CreateWebhook = z.object({
  url: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }),
  /** Shared secret for the HMAC signature; at least 16 characters. Generated when absent and shown once. */
  secret: z.string().min(16, 'at least 16 characters').max(200).optional(),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;
