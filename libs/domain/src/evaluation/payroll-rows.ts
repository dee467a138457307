import { formatCents, type PayRun } from './pay.js';

/**
 * The payroll export's columns, in order:
 * - `agent`: the agent id; `name`: the agent's name; `period`: the pay period id; `currency`: ISO 4217 code;
 * - `individual_cents`: individual bonus after proration; `collective_cents`: share of the team pools;
 *   `challenge_cents`: challenge prizes; `cap_cents`: taken off by the agent and period caps (≤ 0);
 *   `adjustment_cents`: HR's adjustments after review (signed); all integers in hundredths of the currency;
 * - `proration`: the individual bonus's proration factor, 4 decimals (1.0000 = none);
 * - `total_cents`: the sum of the five amounts; `amount`: the total with 2 decimals and the currency (`123.45 EUR`).
 */
export const PAYROLL_COLUMNS = [
  'agent',
  'name',
  'period',
  'currency',
  'individual_cents',
  'collective_cents',
  'challenge_cents',
  'cap_cents',
  'adjustment_cents',
  'proration',
  'total_cents',
  'amount',
] as const;

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is written with a leading `'`
 * (OWASP's CSV injection advice); amounts are numbers we write ourselves and are left alone.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The payroll export's rows, header first, one line per agent by agent id; the API writes them as CSV (RFC 4180,
 * CRLF, UTF-8 with a BOM so that spreadsheet software reads accents right).
 */
export function payrollRows(run: PayRun): string[][] {
  const rows = run.lines.map((line) => [
    safeText(line.agentId),
    safeText(line.name),
    safeText(run.period.id),
    run.currency,
    String(line.individualCents),
    String(line.collectiveCents),
    String(line.challengeCents),
    String(line.capCents),
    String(line.adjustmentCents),
    `${Math.trunc(line.prorationBp / 10_000)}.${String(line.prorationBp % 10_000).padStart(4, '0')}`,
    String(line.totalCents),
    formatCents(line.totalCents, run.currency),
  ]);
  return [[...PAYROLL_COLUMNS], ...rows];
}
