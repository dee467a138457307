import { z } from 'zod';

const LocalDate = z.iso.date({ message: 'a local date YYYY-MM-DD' });

export const CallbackQuery = z.object({ day: LocalDate.optional() });
export type CallbackQuery = z.infer<typeof CallbackQuery>;

/** `reached` and `not_needed` close a caller; the other outcomes are attempts that leave it to call back. */
export const CallbackOutcome = z.enum(['reached', 'no_answer', 'voicemail', 'wrong_number', 'not_needed']);
export const CLOSING_OUTCOMES: readonly string[] = ['reached', 'not_needed'];

export const CallbackMark = z.object({
  day: LocalDate,
  outcome: CallbackOutcome,
  note: z.string().trim().max(1000).optional(),
});
export type CallbackMark = z.infer<typeof CallbackMark>;
