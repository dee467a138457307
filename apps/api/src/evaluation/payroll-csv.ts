import { payrollRows, type PayRun } from '@vigie/domain';
import { stringify } from 'csv-stringify/sync';

/**
 * The payroll CSV of a pay run (columns: `PAYROLL_COLUMNS` in libs/domain): RFC 4180 quoting by csv-stringify,
 * CRLF line ends, UTF-8 with a BOM so that spreadsheet software reads accents right.
 */
export function payrollCsv(run: PayRun): string {
  return stringify(payrollRows(run), { bom: true, record_delimiter: 'windows' });
}
