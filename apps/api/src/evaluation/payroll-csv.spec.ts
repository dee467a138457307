import { PAYROLL_COLUMNS, safeText, type PayLine, type PayRun } from '@vigie/domain';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { payrollCsv } from './payroll-csv.js';

const line = (agentId: string, name: string, totalCents: number): PayLine => ({
  agentId,
  name,
  teamId: 'T1',
  individualCents: totalCents,
  collectiveCents: 0,
  challengeCents: 0,
  capCents: 0,
  adjustmentCents: 0,
  totalCents,
  prorationBp: 10_000,
  explanations: [],
});

const run: PayRun = {
  period: { id: '2026-03', startMs: 0, endMs: 1 },
  currency: 'EUR',
  lines: [
    line('a1', 'Zoé "Zozo" Brûlé', 12345),
    line('a2', 'Dupont, Jean\nsecond line', 7),
    line('a3', ' =SUM(A1) ', 0),
    line('a4', '=HYPERLINK("http://x")', 0),
  ],
  locked: { by: 'rh-1', atMs: 2 },
};

describe(payrollCsv.name, () => {
  const csv = payrollCsv(run);

  it('starts with a UTF-8 BOM, has a header of the documented columns and CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFagent,name,period,currency,individual_cents,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(run.lines.length + 2);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('reads back with csv-parse, quotes, commas, new lines and spaces intact', () => {
    const rows = parse(csv, { bom: true });
    expect(rows[0]).toEqual([...PAYROLL_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[10], r[11]])).toEqual([
      ['a1', 'Zoé "Zozo" Brûlé', '12345', '123.45 EUR'],
      ['a2', 'Dupont, Jean\nsecond line', '7', '0.07 EUR'],
      ['a3', ' =SUM(A1) ', '0', '0.00 EUR'],
      ['a4', `'=HYPERLINK("http://x")`, '0', '0.00 EUR'],
    ]);
  });
});

describe(safeText.name, () => {
  it.each([
    ['Zoé', 'Zoé'],
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('writes %j as %j', (value, text) => {
    expect(safeText(value)).toBe(text);
  });
});
