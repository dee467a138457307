import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { dayBounds } from '../time/business-day.js';
import { agentDay } from './agent-day.js';

const ev = (type: string, at: string, fields: Record<string, unknown>) =>
  ({ type, id: at + type, site: 's', at, ...fields }) as VigieEvent;

describe(agentDay.name, () => {
  it('counts a night shift from local midnight, knowing the agent logged in the evening before', () => {
    const { startMs, endMs } = dayBounds('2026-03-10', 'Europe/Paris');
    const rows = agentDay(
      [
        ev('agent.logged_in', '2026-03-09T22:00:00Z', { agent: 'N' }), // 23:00 the day before
        ev('agent.paused', '2026-03-09T23:30:00Z', { agent: 'N', reason: 'Pause' }), // 00:30
        ev('agent.ready', '2026-03-09T23:40:00Z', { agent: 'N' }),
        ev('agent.logged_out', '2026-03-10T05:00:00Z', { agent: 'N' }), // 06:00
      ],
      'Europe/Paris',
      startMs,
      endMs,
    );
    // 00:00–06:00 local = 21,600 s logged in, 600 s of it paused.
    expect(rows).toMatchObject([{ agent: 'N', loggedInSec: 21600, pausedSec: 600, readySec: 21000 }]);
  });

  it('splits the day per queue and direction, with ring time, transfers and long calls', () => {
    const { startMs, endMs } = dayBounds('2026-03-10', 'Europe/Paris');
    const A = { agent: 'A' };
    const std = { queue: 'standard' };
    const out = { queue: 'sortants' };
    const [row] = agentDay(
      [
        ev('agent.logged_in', '2026-03-10T08:00:00Z', A),
        ev('contact.queued', '2026-03-10T08:00:00Z', { contactId: 'c1', ...std, channel: 'voice' }),
        ev('contact.ringing', '2026-03-10T08:00:02Z', { contactId: 'c1', ...std, ...A }),
        ev('contact.answered', '2026-03-10T08:00:06Z', { contactId: 'c1', ...std, ...A, waitSec: 6 }), // rang 4 s
        ev('contact.ended', '2026-03-10T08:20:06Z', { contactId: 'c1', ...std, ...A, talkSec: 1200, wrapupSec: 60 }),
        ev('contact.queued', '2026-03-10T08:30:00Z', { contactId: 'c2', ...std, channel: 'voice' }),
        ev('contact.ring_no_answer', '2026-03-10T08:30:10Z', { contactId: 'c2', ...std, ...A, ringSec: 10 }),
        ev('contact.answered', '2026-03-10T08:30:20Z', { contactId: 'c2', ...std, ...A, waitSec: 20, ringSec: 5 }),
        ev('contact.transferred', '2026-03-10T08:35:20Z', {
          contactId: 'c2',
          ...std,
          ...A,
          talkSec: 300,
          kind: 'blind',
        }),
        ev('contact.queued', '2026-03-10T09:00:00Z', { contactId: 'o1', ...out, channel: 'outbound' }),
        ev('contact.answered', '2026-03-10T09:00:30Z', { contactId: 'o1', ...out, ...A, waitSec: 30, ringSec: 30 }),
        ev('contact.ended', '2026-03-10T09:10:30Z', { contactId: 'o1', ...out, ...A, talkSec: 600 }),
        ev('agent.logged_out', '2026-03-10T10:00:00Z', A),
      ],
      'Europe/Paris',
      startMs,
      endMs,
    );
    expect(row).toMatchObject({
      agent: 'A',
      loggedInSec: 7200,
      talkSec: 2100,
      wrapupSec: 60,
      handled: 3,
      ringSec: 49,
      avgRingSec: 49 / 4,
      transfers: 1,
      longCalls: 1,
      handledInbound: 2,
      handledOutbound: 1,
    });
    expect(row?.byQueue).toEqual([
      {
        queue: 'sortants',
        direction: 'outbound',
        answered: 1,
        handled: 1,
        transfers: 0,
        talkSec: 600,
        wrapupSec: 0,
        ringSec: 30,
        ringsTimed: 1,
        ringNoAnswer: 0,
        longCalls: 0,
        avgHandlingSec: 600,
        avgTalkSec: 600,
        avgWrapupSec: 0,
        avgRingSec: 30,
      },
      {
        queue: 'standard',
        direction: 'inbound',
        answered: 2,
        handled: 2,
        transfers: 1,
        talkSec: 1500,
        wrapupSec: 60,
        ringSec: 19,
        ringsTimed: 3,
        ringNoAnswer: 1,
        longCalls: 1,
        avgHandlingSec: 780,
        avgTalkSec: 750,
        avgWrapupSec: 30,
        avgRingSec: 19 / 3,
      },
    ]);
  });
});
