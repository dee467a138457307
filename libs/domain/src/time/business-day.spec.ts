import { describe, expect, it } from 'vitest';
import {
  businessDay,
  dayBounds,
  formatOffsetIso,
  intervalStart,
  isValidTimeZone,
  listIntervals,
} from './business-day.js';

const H = 3600_000;

describe(businessDay.name, () => {
  it.each([
    [
      'Paris winter, just after local midnight',
      Date.UTC(2026, 1, 9, 23, 0, 1),
      'Europe/Paris',
      '2026-02-10',
      Date.UTC(2026, 1, 9, 23),
      24,
    ],
    [
      'Paris, DST starts (23 h)',
      Date.UTC(2026, 2, 29, 12),
      'Europe/Paris',
      '2026-03-29',
      Date.UTC(2026, 2, 28, 23),
      23,
    ],
    ['Paris, DST ends (25 h)', Date.UTC(2026, 9, 25, 12), 'Europe/Paris', '2026-10-25', Date.UTC(2026, 9, 24, 22), 25],
    ['Jerusalem', Date.UTC(1999, 1, 8, 5), 'Asia/Jerusalem', '1999-02-08', Date.UTC(1999, 1, 7, 22), 24],
    ['UTC', Date.UTC(2026, 0, 1, 23, 59, 59), 'UTC', '2026-01-01', Date.UTC(2026, 0, 1), 24],
  ])('%s', (_, at, tz, date, startMs, hours) => {
    const day = businessDay(at, tz);
    expect(day).toEqual({ date, startMs, endMs: startMs + hours * H });
  });

  it('honours a 06:00 cut-over: 05:59 local belongs to the day before', () => {
    const at0559 = Date.UTC(2026, 1, 10, 4, 59);
    const at0600 = Date.UTC(2026, 1, 10, 5, 0);
    expect(businessDay(at0559, 'Europe/Paris', 360)).toEqual({
      date: '2026-02-09',
      startMs: Date.UTC(2026, 1, 9, 5),
      endMs: Date.UTC(2026, 1, 10, 5),
    });
    expect(businessDay(at0600, 'Europe/Paris', 360).date).toBe('2026-02-10');
  });
});

describe(dayBounds.name, () => {
  it('gives the bounds of a named local day', () => {
    expect(dayBounds('2026-03-29', 'Europe/Paris')).toEqual({
      startMs: Date.UTC(2026, 2, 28, 23),
      endMs: Date.UTC(2026, 2, 29, 22),
    });
  });
  it('refuses a bad date or zone', () => {
    expect(() => dayBounds('2026-13-40', 'Europe/Paris')).toThrow(RangeError);
    expect(() => dayBounds('2026-03-29', 'Mars/Olympus')).toThrow(/time zone/);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
  });
});

describe(intervalStart.name, () => {
  it.each([
    [Date.UTC(2026, 1, 10, 8, 14, 59), 15, Date.UTC(2026, 1, 10, 8, 0)],
    [Date.UTC(2026, 1, 10, 8, 15, 0), 15, Date.UTC(2026, 1, 10, 8, 15)],
    [Date.UTC(2026, 1, 10, 8, 44), 30, Date.UTC(2026, 1, 10, 8, 30)],
    [Date.UTC(2026, 1, 10, 8, 44), 60, Date.UTC(2026, 1, 10, 8, 0)],
  ] as const)('cuts %i into %i-minute intervals', (at, minutes, start) => {
    expect(intervalStart(at, 'Europe/Paris', minutes)).toBe(start);
  });

  it('follows the local clock where the offset is not whole hours (Kathmandu +05:45)', () => {
    // 10:07 local = 04:22 UTC; the local hour starts at 10:00 local = 04:15 UTC.
    expect(intervalStart(Date.UTC(2026, 1, 10, 4, 22), 'Asia/Kathmandu', 60)).toBe(Date.UTC(2026, 1, 10, 4, 15));
  });

  it('keeps the two occurrences of the repeated hour apart when DST ends', () => {
    const first = Date.UTC(2026, 9, 25, 0, 40); // 02:40 CEST
    const second = Date.UTC(2026, 9, 25, 1, 40); // 02:40 CET
    expect(intervalStart(first, 'Europe/Paris', 60)).toBe(Date.UTC(2026, 9, 25, 0, 0));
    expect(intervalStart(second, 'Europe/Paris', 60)).toBe(Date.UTC(2026, 9, 25, 1, 0));
  });
});

describe(listIntervals.name, () => {
  it('lists 23 hours on the day DST starts and 25 on the day it ends', () => {
    const spring = dayBounds('2026-03-29', 'Europe/Paris');
    const autumn = dayBounds('2026-10-25', 'Europe/Paris');
    expect(listIntervals(spring.startMs, spring.endMs, 'Europe/Paris', 'hour')).toHaveLength(23);
    expect(listIntervals(autumn.startMs, autumn.endMs, 'Europe/Paris', '15m')).toHaveLength(100);
  });
  it('lists days', () => {
    const from = dayBounds('2026-03-28', 'Europe/Paris').startMs;
    const to = dayBounds('2026-03-30', 'Europe/Paris').endMs;
    expect(listIntervals(from, to, 'Europe/Paris', 'day').map((t) => formatOffsetIso(t, 'Europe/Paris'))).toEqual([
      '2026-03-28T00:00:00.000+01:00',
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-30T00:00:00.000+02:00',
    ]);
  });
});
