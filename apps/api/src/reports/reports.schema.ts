import { z } from 'zod';

const LocalDate = z.iso.date({ message: 'a local date YYYY-MM-DD' });

export const QueueReportQuery = z
  .object({
    from: LocalDate,
    to: LocalDate,
    interval: z.enum(['day', 'hour', '30m', '15m']).default('day'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'at most 366 days per report',
    path: ['to'],
  });
export type QueueReportQuery = z.infer<typeof QueueReportQuery>;

export const AgentReportQuery = z
  .object({ from: LocalDate, to: LocalDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
    message: 'at most 31 days per agent report',
    path: ['to'],
  });
export type AgentReportQuery = z.infer<typeof AgentReportQuery>;
