import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { LoadEstimator } from './load-estimator.js';

const T0 = Date.UTC(2026, 2, 10, 9, 0);
const at = (sec: number): string => new Date(T0 + sec * 1000).toISOString();
const base = { site: 'demo', queue: 'standard' };
let n = 0;
const id = (): string => `e${++n}`;

const queued = (sec: number): VigieEvent => ({
  ...base,
  id: id(),
  type: 'contact.queued',
  at: at(sec),
  contactId: id(),
  channel: 'voice',
});
const answered = (sec: number, waitSec: number): VigieEvent => ({
  ...base,
  id: id(),
  type: 'contact.answered',
  at: at(sec),
  contactId: id(),
  agent: 'a',
  waitSec,
});
const abandoned = (sec: number, waitSec: number): VigieEvent => ({
  ...base,
  id: id(),
  type: 'contact.abandoned',
  at: at(sec),
  contactId: id(),
  waitSec,
});
const timeout = (sec: number, waitSec: number): VigieEvent => ({
  ...base,
  id: id(),
  type: 'contact.not_distributed',
  at: at(sec),
  contactId: id(),
  waitSec,
  reason: 'timeout',
});
const ended = (sec: number, talkSec: number, wrapupSec?: number): VigieEvent => ({
  ...base,
  id: id(),
  type: 'contact.ended',
  at: at(sec),
  contactId: id(),
  agent: 'a',
  talkSec,
  ...(wrapupSec === undefined ? {} : { wrapupSec }),
});

/**
 * 15 minutes from 09:00: an arrival before the window (09:00, dropped at 09:20), 10 arrivals inside, 3 conversations
 * (120, 200 and 160 s of handling: mean 160), and 6 contacts leaving the queue after 10 + 20 + 30 (answered)
 * + 40 + 60 (abandoned) + 100 (timed out) = 260 s of waiting for 2 abandons: a patience of 130 s.
 */
const sequence: VigieEvent[] = [
  queued(0),
  ...[310, 400, 500, 600, 700, 800, 900, 1000, 1100, 1150].map(queued),
  answered(320, 10),
  answered(420, 20),
  answered(520, 30),
  abandoned(640, 40),
  abandoned(760, 60),
  timeout(1000, 100),
  ended(700, 100, 20),
  ended(800, 200),
  ended(900, 150, 10),
];
const NOW = T0 + 1200_000;

describe(LoadEstimator.name, () => {
  const estimator = new LoadEstimator({ minAbandons: 2 });
  sequence.forEach((e) => estimator.apply(e));

  it('gives the arrival rate, mean handling and censored patience over the last 15 minutes', () => {
    expect(estimator.estimate('standard', NOW)).toEqual({
      callsPerHour: 40,
      ahtSec: 160,
      patienceSec: 130,
      basis: {
        windowSec: 900,
        arrivals: 10,
        handled: 3,
        abandons: 2,
        liveCallsPerHour: 40,
        historyCallsPerHour: null,
        ahtFromData: true,
        patienceFromData: true,
      },
    });
  });

  it('blends in the same interval of previous weeks', () => {
    expect(estimator.estimate('standard', NOW, { callsPerHour: 80, weight: 0.25 }).callsPerHour).toBe(50);
  });

  it('falls back to the default patience with too few abandons, and to defaults for a quiet queue', () => {
    const strict = new LoadEstimator({ minAbandons: 3, defaultPatienceSec: 345 });
    sequence.forEach((e) => strict.apply(e));
    expect(strict.estimate('standard', NOW)).toMatchObject({ patienceSec: 345, basis: { patienceFromData: false } });
    expect(strict.estimate('vip', NOW)).toMatchObject({ callsPerHour: 40 * 0, ahtSec: 180, patienceSec: 345 });
  });

  it('measures the rate over the time seen so far before a full window', () => {
    const early = new LoadEstimator();
    [0, 60, 120, 180, 240].forEach((sec) => early.apply(queued(sec)));
    expect(early.estimate('standard', T0 + 300_000).callsPerHour).toBe(60);
    expect(early.queues()).toEqual(['standard']);
  });

  it('counts a transfer as handled with its talk time', () => {
    const e = new LoadEstimator();
    e.apply({
      ...base,
      id: id(),
      type: 'contact.transferred',
      at: at(10),
      contactId: id(),
      agent: 'a',
      talkSec: 90,
      kind: 'blind',
    });
    expect(e.estimate('standard', T0 + 60_000).ahtSec).toBe(90);
  });
});
