import { minutesOfDay, type OpeningRange } from '@vigie/protocol';
import { DateTime } from 'luxon';

/** The local wall clock of an instant: ISO weekday (1 = Monday) and minutes after local midnight. */
export interface LocalClock {
  weekday: number;
  minute: number;
}

/** Opening ranges as numbers: a weekday bit mask and [from, to) in local minutes. */
export interface CompiledRange {
  days: number;
  from: number;
  to: number;
}

export function localClock(atMs: number, timeZone: string): LocalClock {
  const local = DateTime.fromMillis(atMs, { zone: timeZone });
  if (!local.isValid) {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
  return { weekday: local.weekday, minute: local.hour * 60 + local.minute };
}

export function compileOpeningHours(ranges: readonly OpeningRange[]): CompiledRange[] {
  return ranges.map((r) => ({
    days: r.days.reduce((mask, d) => mask | (1 << d), 0),
    from: minutesOfDay(r.from),
    to: minutesOfDay(r.to),
  }));
}

/**
 * Whether the wall clock is inside one of the ranges. On DST days the local clock decides: with 08:00–20:00 the
 * rule opens at 08:00 local whatever the offset; a range inside the skipped hour never opens that day, and one
 * inside the repeated hour is open both times.
 */
export function isOpenAt(ranges: readonly CompiledRange[], clock: LocalClock): boolean {
  const day = 1 << clock.weekday;
  for (const r of ranges) {
    if ((r.days & day) !== 0 && clock.minute >= r.from && clock.minute < r.to) {
      return true;
    }
  }
  return false;
}

/** Convenience for one-off checks: are the opening hours open at `atMs` in `timeZone`? */
export function isOpen(ranges: readonly OpeningRange[], timeZone: string, atMs: number): boolean {
  return isOpenAt(compileOpeningHours(ranges), localClock(atMs, timeZone));
}
