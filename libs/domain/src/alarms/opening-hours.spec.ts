import { AlarmRule, type OpeningRange } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { AlarmEvaluator } from './alarm-evaluator.js';
import { indexObservations, observation } from './observe.js';
import { isOpen } from './opening-hours.js';

const PARIS = 'Europe/Paris';
const WEEKDAYS: OpeningRange[] = [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00' }];
const SUNDAY = (from: string, to: string): OpeningRange[] => [{ days: [7], from, to }];
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe(isOpen.name, () => {
  it.each([
    ['Tuesday 07:59 in Paris (winter, UTC+1)', WEEKDAYS, '2026-02-10T06:59:00', false],
    ['Tuesday 08:00', WEEKDAYS, '2026-02-10T07:00:00', true],
    ['Tuesday 19:59', WEEKDAYS, '2026-02-10T18:59:59', true],
    ['Tuesday 20:00 (end excluded)', WEEKDAYS, '2026-02-10T19:00:00', false],
    ['Saturday 10:00', WEEKDAYS, '2026-02-14T09:00:00', false],
    ['DST starts: Sunday 07:59 local is 05:59 UTC', SUNDAY('08:00', '20:00'), '2026-03-29T05:59:00', false],
    ['DST starts: Sunday 08:00 local is 06:00 UTC', SUNDAY('08:00', '20:00'), '2026-03-29T06:00:00', true],
    ['DST starts: the skipped hour, just before', SUNDAY('02:00', '03:00'), '2026-03-29T00:59:59', false],
    ['DST starts: the skipped hour, just after', SUNDAY('02:00', '03:00'), '2026-03-29T01:00:00', false],
    ['DST ends: the repeated hour, first time', SUNDAY('02:00', '03:00'), '2026-10-25T00:30:00', true],
    ['DST ends: the repeated hour, second time', SUNDAY('02:00', '03:00'), '2026-10-25T01:30:00', true],
    ['DST ends: 03:00 local', SUNDAY('02:00', '03:00'), '2026-10-25T02:00:00', false],
    ['a range to 24:00 at 23:59', SUNDAY('22:00', '24:00'), '2026-02-15T22:59:00', true],
  ])('%s', (_, ranges, at, open) => {
    expect(isOpen(ranges, PARIS, utc(at))).toBe(open);
  });

  it('refuses an unknown time zone', () => {
    expect(() => isOpen(WEEKDAYS, 'Nowhere/Land', 0)).toThrow(/unknown time zone/);
  });
});

describe('AlarmEvaluator with opening hours', () => {
  const rule = (openingHours: OpeningRange[], minDurationSec = 0) =>
    AlarmRule.parse({
      id: 'wait',
      figure: 'longestWaitSec',
      scope: { kind: 'queue' },
      direction: 'above',
      orange: 90,
      red: 180,
      minDurationSec,
      openingHours,
    });
  const high = indexObservations([observation('queue', 'standard', { longestWaitSec: 120 })]);
  const at = (ev: AlarmEvaluator, iso: string) => ev.evaluate(utc(iso), high).map((t) => t.type);

  it('does not raise before opening, raises at opening and clears at closing', () => {
    const ev = new AlarmEvaluator([rule(WEEKDAYS)], { timeZone: PARIS });
    expect(at(ev, '2026-02-10T06:59:00')).toEqual([]);
    expect(at(ev, '2026-02-10T07:00:00')).toEqual(['raised']);
    expect(at(ev, '2026-02-10T18:59:59')).toEqual([]);
    expect(at(ev, '2026-02-10T19:00:00')).toEqual(['cleared']);
    expect(ev.levels().get('queue:standard')).toEqual({ longestWaitSec: 'normal' });
  });

  it('opens at 08:00 local on the day DST starts (06:00 UTC, a week earlier 07:00 UTC)', () => {
    const ev = new AlarmEvaluator([rule(SUNDAY('08:00', '20:00'))], { timeZone: PARIS });
    expect(at(ev, '2026-03-22T06:00:00')).toEqual([]);
    expect(at(ev, '2026-03-22T07:00:00')).toEqual(['raised']);
    expect(at(ev, '2026-03-22T19:00:00')).toEqual(['cleared']);
    expect(at(ev, '2026-03-29T05:59:00')).toEqual([]);
    expect(at(ev, '2026-03-29T06:00:00')).toEqual(['raised']);
    expect(at(ev, '2026-03-29T18:00:00')).toEqual(['cleared']);
  });

  it('restarts the minimum duration at opening: time before it does not count', () => {
    const ev = new AlarmEvaluator([rule(WEEKDAYS, 60)], { timeZone: PARIS });
    expect(at(ev, '2026-02-10T06:30:00')).toEqual([]);
    expect(at(ev, '2026-02-10T07:00:00')).toEqual([]);
    expect(at(ev, '2026-02-10T07:00:59')).toEqual([]);
    expect(at(ev, '2026-02-10T07:01:00')).toEqual(['raised']);
  });
});
