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
});
