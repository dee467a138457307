import { z } from 'zod';

/** One refused item of an ingest batch: its 1-based line (or array index + 1) and why. */
export const Rejection = z.object({ line: z.number().int().positive(), reason: z.string() });
export type Rejection = z.infer<typeof Rejection>;

/** Answer of `POST /sites/{site}/events` and `POST /sites/{site}/queue-log` (CONTRACT.md). */
export const IngestResult = z.object({
  /** Lines (or items) read. */
  lines: z.number().int().nonnegative(),
  /** New events stored. */
  events: z.number().int().nonnegative(),
  /** Events already stored before (same id). */
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(Rejection),
});
export type IngestResult = z.infer<typeof IngestResult>;

/** Every 4xx body (CONTRACT.md). */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z
    .array(z.object({ field: z.string().optional(), line: z.number().optional(), reason: z.string() }))
    .optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
