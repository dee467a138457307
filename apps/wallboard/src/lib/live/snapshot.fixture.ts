import type { FloorSnapshot, QueueLive } from '@vigie/protocol';

export const period = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  notDistributed: 0,
  received: 0,
  answeredWithinSl: 0,
  serviceQuality: null,
  serviceLevel: null,
  avgWaitAnsweredSec: null,
  avgTalkSec: null,
  maxWaitSec: 0,
};
const interval = { ...period, start: '2026-02-10T08:00:00Z' };
const agents = { loggedIn: 0, ready: 0, ringing: 0, talking: 0, wrapup: 0, paused: 0 };
export const totals = {
  ...period,
  waiting: 0,
  longestWaitSec: 0,
  agents,
  current15: interval,
  current30: interval,
  levels: {},
};

/** An empty floor, as a test's starting snapshot. */
export const SNAPSHOT = {
  at: '2026-02-10T08:15:00Z',
  day: '2026-02-10',
  dayStart: '2026-02-09T23:00:00Z',
  agentTimes: 'since',
  queues: [],
  agents: [],
  totals,
  teams: [],
  intervals: [],
  channels: [],
  pauses: [],
  alarms: [],
} satisfies FloorSnapshot;

/** A queue of the fixture floor with the given figures and levels. */
export function queue(name: string, figures: Partial<QueueLive> = {}): QueueLive {
  return {
    ...totals,
    queue: name,
    channel: 'voice',
    slTargetSec: 20,
    definition: { id: 'contract-v1', targetSec: 20, shortAbandonSec: null, countNotDistributed: true },
    ...figures,
  };
}
