import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatDuration, formatPercent } from './format.js';

describe(formatDuration.name, () => {
  it.each([
    [0, '00:00'],
    [36, '00:36'],
    [59, '00:59'],
    [202, '03:22'],
    [3599, '59:59'],
    [3600, '01:00:00'],
    [8512, '02:21:52'],
    [86399, '23:59:59'],
    [null, '—'],
  ])('%s s → %s', (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
  });
});

describe(formatPercent.name, () => {
  it('formats ratios per locale, none as a dash', () => {
    expect(formatPercent(0.8, 'fr-FR')).toBe('80\u00a0%');
    expect(formatPercent(0.8, 'en-GB')).toBe('80%');
    expect(formatPercent(null, 'fr-FR')).toBe('—');
  });
});

describe(formatCount.name, () => {
  it('groups thousands per locale', () => {
    expect(formatCount(33344, 'fr-FR')).toBe('33\u202f344');
    expect(formatCount(33344, 'en-GB')).toBe('33,344');
  });
});

describe(formatClock.name, () => {
  it('shows a time in the site zone', () => {
    expect(formatClock('2026-02-10T08:15:02Z', 'fr-FR', 'Europe/Paris')).toBe('09:15:02');
  });
});
