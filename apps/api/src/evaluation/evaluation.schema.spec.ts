import { describe, expect, it } from 'vitest';
import { OpenPeriodBody, periodEnd } from './evaluation.schema.js';

describe('evaluation periods', () => {
  it('are monthly unless the body says otherwise', () => {
    expect(OpenPeriodBody.parse({ start: '2026-03-01', gridId: 'g' }).kind).toBe('month');
    expect(OpenPeriodBody.parse({ kind: 'week', start: '2026-03-02', gridId: 'g' }).kind).toBe('week');
  });

  it('end the day before the same day of the next week, month or quarter', () => {
    expect(periodEnd('week', '2026-03-02')).toBe('2026-03-08');
    expect(periodEnd('month', '2026-03-01')).toBe('2026-03-31');
    expect(periodEnd('month', '2026-02-01')).toBe('2026-02-28');
    expect(periodEnd('quarter', '2026-10-01')).toBe('2026-12-31');
    expect(periodEnd('month', '2026-12-15')).toBe('2027-01-14');
  });
});
