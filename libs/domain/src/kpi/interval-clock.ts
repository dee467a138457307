import { intervalStart } from '../time/business-day.js';

const SLOT_MS = 15 * 60_000;

/**
 * 15-minute interval starts in a time zone, memoised per UTC quarter hour (offsets only change on quarter
 * hours), so the per-event cost is a subtraction rather than a time-zone lookup.
 */
export class IntervalClock {
  private slot = Number.NaN;
  private start = 0;

  constructor(private readonly timeZone: string) {}

  start15(atMs: number): number {
    const slot = Math.floor(atMs / SLOT_MS);
    if (slot !== this.slot) {
      this.slot = slot;
      this.start = intervalStart(slot * SLOT_MS, this.timeZone, 15);
    }
    return this.start;
  }
}
