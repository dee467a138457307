import { DateTime, IANAZone } from 'luxon';

/** A site's business day: from local midnight (or a cut-over minute, e.g. 360 for 06:00) to the next. */
export interface BusinessDay {
  /** Local date the day is named after, `YYYY-MM-DD`. */
  date: string;
  startMs: number;
  endMs: number;
}

export type ReportInterval = 'day' | 'hour' | '30m' | '15m';

export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

function zone(timeZone: string): IANAZone {
  const z = IANAZone.create(timeZone);
  if (!z.isValid) {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
  return z;
}

/** Start and end of the business day named `date` (23 h or 25 h on DST days). */
export function dayBounds(date: string, timeZone: string, cutoverMinute = 0): { startMs: number; endMs: number } {
  const start = DateTime.fromISO(date, { zone: zone(timeZone) }).plus({ minutes: cutoverMinute });
  if (!start.isValid) {
    throw new RangeError(`not a date: "${date}"`);
  }
  return { startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** The business day containing `atMs`. */
export function businessDay(atMs: number, timeZone: string, cutoverMinute = 0): BusinessDay {
  const local = DateTime.fromMillis(atMs, { zone: zone(timeZone) }).minus({ minutes: cutoverMinute });
  const date = local.toISODate() as string;
  return { date, ...dayBounds(date, timeZone, cutoverMinute) };
}

/**
 * Start of the local interval of `minutes` containing `atMs`. Intervals follow the local clock (every real
 * offset is a multiple of 15 minutes); in the hour repeated when DST ends, each occurrence is its own interval.
 */
export function intervalStart(atMs: number, timeZone: string, minutes: 15 | 30 | 60): number {
  const offsetMs = DateTime.fromMillis(atMs, { zone: zone(timeZone) }).offset * 60_000;
  const size = minutes * 60_000;
  return atMs - ((((atMs + offsetMs) % size) + size) % size);
}

const STEP: Record<Exclude<ReportInterval, 'day'>, 15 | 30 | 60> = { hour: 60, '30m': 30, '15m': 15 };

/** Starts of the report intervals of [startMs, endMs) in the site's time zone. */
export function listIntervals(
  startMs: number,
  endMs: number,
  timeZone: string,
  interval: ReportInterval,
  cutoverMinute = 0,
): number[] {
  const starts: number[] = [];
  if (interval === 'day') {
    for (let t = startMs; t < endMs; t = businessDay(t, timeZone, cutoverMinute).endMs) {
      starts.push(businessDay(t, timeZone, cutoverMinute).startMs);
    }
    return starts;
  }
  const minutes = STEP[interval];
  for (let t = intervalStart(startMs, timeZone, minutes); t < endMs; t += minutes * 60_000) {
    starts.push(intervalStart(t, timeZone, minutes));
  }
  return [...new Set(starts)];
}

/** ISO-8601 with the site's local offset, e.g. `2026-02-10T00:00:00.000+01:00` (report row `start`). */
export function formatOffsetIso(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: zone(timeZone) }).toISO({ includeOffset: true }) as string;
}
