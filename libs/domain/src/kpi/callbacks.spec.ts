import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { dayBounds } from '../time/business-day.js';
import { callbacksOfDay } from './callbacks.js';

let n = 0;
const ev = (type: string, hhmmss: string, fields: Record<string, unknown>) =>
  ({ type, id: `e${++n}`, site: 's', at: `2026-03-10T${hhmmss}Z`, ...fields }) as VigieEvent;

describe(callbacksOfDay.name, () => {
  it('lists the day’s abandoned contacts by caller, repeat callers once, and who was reached later', () => {
    const { startMs, endMs } = dayBounds('2026-03-10', 'UTC');
    const std = { queue: 'standard' };
    const groups = callbacksOfDay(
      [
        ev('contact.queued', '09:00:00', { contactId: 'c1', ...std, callerId: '0601' }),
        ev('contact.abandoned', '09:01:00', { contactId: 'c1', ...std, waitSec: 60 }),
        ev('contact.abandoned', '09:01:00', { contactId: 'c1', ...std, waitSec: 60 }), // the same abandon again
        ev('contact.queued', '09:10:00', { contactId: 'c2', queue: 'vip', callerId: '0601' }),
        ev('contact.abandoned', '09:10:30', { contactId: 'c2', queue: 'vip', waitSec: 30 }),
        ev('contact.queued', '09:20:00', { contactId: 'c3', ...std, callerId: '0702' }),
        ev('contact.abandoned', '09:21:00', { contactId: 'c3', ...std, waitSec: 45 }),
        ev('contact.queued', '09:40:00', { contactId: 'c4', ...std, callerId: '0702' }),
        ev('contact.answered', '09:40:10', { contactId: 'c4', ...std, agent: 'A', waitSec: 10 }),
        ev('contact.queued', '10:00:00', { contactId: 'c5', ...std }),
        ev('contact.abandoned', '10:00:20', { contactId: 'c5', ...std, waitSec: 20 }),
        ev('contact.queued', '10:30:00', { contactId: 'c6', ...std, callerId: '0803' }),
        ev('contact.answered', '10:30:05', { contactId: 'c6', ...std, agent: 'A', waitSec: 5 }),
      ],
      startMs,
      endMs,
    );
    expect(groups.map((g) => [g.key, g.abandoned.length, g.queues, g.callsToday, g.reachedLater])).toEqual([
      ['0601', 2, ['standard', 'vip'], 2, false],
      ['0702', 1, ['standard'], 2, true],
      ['c5', 1, ['standard'], 1, false],
    ]);
    expect(groups[0]?.abandoned[1]).toEqual({
      contactId: 'c2',
      queue: 'vip',
      callerId: '0601',
      abandonedAt: '2026-03-10T09:10:30Z',
      waitSec: 30,
    });
  });
});
