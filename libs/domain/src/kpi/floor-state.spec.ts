import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { FloorState } from './floor-state.js';

const T0 = Date.UTC(2026, 1, 10, 8, 0, 0); // 09:00 in Paris
let n = 0;
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();
const e = <T extends VigieEvent['type']>(type: T, sec: number, fields: Record<string, unknown>) =>
  ({ type, id: `e${++n}`, site: 'paris', at: at(sec), ...fields }) as Extract<VigieEvent, { type: T }>;

/** A hand-made morning on queue "standard" (SL target 20 s) with every outcome. */
function morning(): VigieEvent[] {
  return [
    e('agent.logged_in', 0, { agent: 'A', queue: 'standard', name: 'Alice', team: 'Équipe A' }),
    e('agent.logged_in', 0, { agent: 'B', queue: 'standard', team: 'Équipe A' }),
    e('contact.queued', 10, { contactId: 'c1', queue: 'standard', channel: 'voice' }),
    e('contact.ringing', 12, { contactId: 'c1', queue: 'standard', agent: 'A' }),
    e('contact.answered', 30, { contactId: 'c1', queue: 'standard', agent: 'A', waitSec: 20 }), // within SL (inclusive)
    e('contact.queued', 40, { contactId: 'c2', queue: 'standard', channel: 'voice' }),
    e('contact.ring_no_answer', 50, { contactId: 'c2', queue: 'standard', agent: 'B', ringSec: 8 }),
    e('contact.answered', 70, { contactId: 'c2', queue: 'standard', agent: 'B', waitSec: 30 }), // outside SL
    e('contact.queued', 80, { contactId: 'c3', queue: 'standard', channel: 'voice' }),
    e('contact.abandoned', 125, { contactId: 'c3', queue: 'standard', waitSec: 45 }),
    e('contact.queued', 90, { contactId: 'c4', queue: 'standard', channel: 'voice' }),
    e('contact.not_distributed', 150, { contactId: 'c4', queue: 'standard', waitSec: 60, reason: 'timeout' }),
    e('contact.ended', 210, { contactId: 'c1', queue: 'standard', agent: 'A', talkSec: 180, wrapupSec: 30 }),
    e('contact.transferred', 190, { contactId: 'c2', queue: 'standard', agent: 'B', talkSec: 120, kind: 'blind' }),
    e('contact.ended', 200, { contactId: 'c1', queue: 'standard', agent: 'A', talkSec: 999 }), // second end: ignored
    e('contact.answered', 200, { contactId: 'ghost', queue: 'standard', agent: 'A', waitSec: 5 }), // never queued: ignored
    e('contact.queued', 250, { contactId: 'c5', queue: 'standard', channel: 'voice' }),
    e('agent.paused', 260, { agent: 'B', reason: 'Pause' }),
  ];
}

describe(FloorState.name, () => {
  it('gives every CONTRACT figure of a hand-made morning', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    morning().forEach((ev) => floor.apply(ev));
    const snap = floor.snapshot(T0 + 300_000);
    expect(snap.queues).toHaveLength(1);
    expect(snap.queues[0]).toMatchObject({
      queue: 'standard',
      offered: 5,
      answered: 2,
      abandoned: 1,
      notDistributed: 1,
      received: 4,
      answeredWithinSl: 1,
      serviceQuality: 0.5,
      serviceLevel: 0.25,
      avgWaitAnsweredSec: 25,
      avgTalkSec: 150,
      maxWaitSec: 60,
      waiting: 1,
      longestWaitSec: 50,
    });
    expect(snap.day).toBe('2026-02-10');
  });

  it('gives the figures of the 15- and 30-minute intervals in progress, by entry time', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    [
      ...morning(),
      e('contact.queued', 1200, { contactId: 'c6', queue: 'standard', channel: 'voice' }), // 09:20
      e('contact.answered', 1205, { contactId: 'c6', queue: 'standard', agent: 'A', waitSec: 5 }),
      e('contact.queued', 1860, { contactId: 'c7', queue: 'standard', channel: 'voice' }), // 09:31
      e('contact.abandoned', 1870, { contactId: 'c7', queue: 'standard', waitSec: 10 }),
    ].forEach((ev) => floor.apply(ev));

    const at0925 = floor.snapshot(T0 + 1500_000);
    expect(at0925.queues[0]?.current15).toMatchObject({ start: at(900), offered: 1, received: 1, serviceLevel: 1 });
    // 09:00–09:30: the morning (5 offered, 4 received, 1 within target) and c6 (within target).
    expect(at0925.queues[0]?.current30).toMatchObject({
      start: at(0),
      offered: 6,
      answered: 3,
      received: 5,
      answeredWithinSl: 2,
      serviceLevel: 0.4,
    });
    expect(at0925.totals.current30).toEqual(at0925.queues[0]?.current30);

    const at0935 = floor.snapshot(T0 + 2100_000);
    const c7only = { offered: 1, abandoned: 1, received: 1, answered: 0, serviceQuality: 0, maxWaitSec: 10 };
    expect(at0935.queues[0]?.current15).toMatchObject({ start: at(1800), ...c7only });
    expect(at0935.queues[0]?.current30).toMatchObject({ start: at(1800), ...c7only });
    expect(at0935.teams[0]?.current15).toMatchObject(c7only);
  });

  it('follows agents: states, times, answered and handling time', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    morning().forEach((ev) => floor.apply(ev));
    const snap = floor.snapshot(T0 + 300_000);
    const [a, b] = snap.agents;
    // A: ready 0–12, ringing 12–30, talking 30–210, wrap-up 210–240, ready 240–300.
    expect(a).toMatchObject({
      agent: 'A',
      name: 'Alice',
      team: 'Équipe A',
      state: 'ready',
      since: at(240),
      loggedInSec: 300,
      readySec: 72,
      talkSec: 180,
      wrapupSec: 30,
      answered: 1,
      handled: 1,
      avgHandlingSec: 210,
    });
    // B: ready 0–50 (rang 40?–50 unseen), talking 70–190, ready 190–260, paused 260–300.
    expect(b).toMatchObject({
      agent: 'B',
      state: 'paused',
      pauseReason: 'Pause',
      since: at(260),
      pausedSec: 40,
      ringNoAnswer: 1,
      answered: 1,
      handled: 1,
      pauseByReason: { Pause: 40 },
    });
    expect(snap.queues[0]!.agents).toEqual({ loggedIn: 2, ready: 1, ringing: 0, talking: 0, wrapup: 0, paused: 1 });
    expect(snap.teams).toEqual([expect.objectContaining({ team: 'Équipe A', queues: ['standard'], offered: 5 })]);
  });

  it('starts a new day at local midnight, keeps contacts still waiting, and counts them in the day they entered', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    const lateEvening = Date.UTC(2026, 1, 10, 22, 58); // 23:58 Paris
    const ev = (type: string, ms: number, fields: Record<string, unknown>) =>
      ({ type, id: `m${++n}`, site: 'paris', at: new Date(ms).toISOString(), ...fields }) as VigieEvent;
    floor.apply(ev('contact.queued', lateEvening, { contactId: 'late', queue: 'standard', channel: 'voice' }));
    expect(floor.snapshot(lateEvening + 60_000).queues[0]).toMatchObject({ offered: 1, waiting: 1 });
    const after = lateEvening + 5 * 60_000; // 00:03
    floor.apply(ev('contact.answered', after, { contactId: 'late', queue: 'standard', agent: 'A', waitSec: 300 }));
    floor.apply(ev('contact.queued', after, { contactId: 'early', queue: 'standard', channel: 'voice' }));
    const snap = floor.snapshot(after + 1000);
    expect(snap.day).toBe('2026-02-11');
    expect(snap.queues[0]).toMatchObject({ offered: 1, answered: 0, waiting: 1, longestWaitSec: 1 });
  });

  it("starts the day at the site's cut-over, keeping an agent at work across it", () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris', cutoverMinute: 360 });
    const ms = (iso: string) => Date.parse(iso);
    const ev = (type: string, at: string, fields: Record<string, unknown>) =>
      ({ type, id: `c${++n}`, site: 'paris', at, ...fields }) as VigieEvent;
    floor.apply(ev('agent.logged_in', '2026-02-10T22:00:00Z', { agent: 'N', queue: 'nuit' })); // 23:00
    floor.apply(ev('contact.queued', '2026-02-11T02:00:00Z', { contactId: 'x', queue: 'nuit', channel: 'voice' }));
    const before = floor.snapshot(ms('2026-02-11T04:59:00Z')); // 05:59 on the 11th: still the 10th
    expect(before.day).toBe('2026-02-10');
    expect(before.queues[0]).toMatchObject({ offered: 1 });
    const after = floor.snapshot(ms('2026-02-11T05:01:00Z')); // 06:01
    expect(after.day).toBe('2026-02-11');
    expect(after.dayStart).toBe('2026-02-11T05:00:00.000Z');
    expect(after.queues[0]).toMatchObject({ offered: 0, waiting: 1 });
    expect(after.agents[0]).toMatchObject({ agent: 'N', state: 'ready', loggedInSec: 60 });
  });

  it('shows multichannel backlogs against their response commitment', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris', channelCommitmentSec: { email: 3600 } });
    floor.apply(e('contact.queued', 0, { contactId: 'm1', queue: 'email', channel: 'email' }));
    floor.apply(e('contact.queued', 3000, { contactId: 'm2', queue: 'email', channel: 'email' }));
    const snap = floor.snapshot(T0 + 4000_000);
    expect(snap.channels).toEqual([
      {
        channel: 'email',
        waiting: 2,
        oldestWaitSec: 4000,
        commitmentSec: 3600,
        pastCommitment: 1,
        received: 0,
        answered: 0,
        levels: {},
      },
    ]);
  });
});
