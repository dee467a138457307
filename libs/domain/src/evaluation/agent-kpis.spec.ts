import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { agentDay } from '../kpi/agent-day.js';
import { FigureBook } from '../kpi/figure-definitions.js';
import { dayBounds } from '../time/business-day.js';
import { PeriodKpiAccumulator, agentPeriodKpis } from './agent-kpis.js';

let n = 0;
const ev = (type: string, at: string, fields: Record<string, unknown>) =>
  ({ type, id: `e${++n}`, site: 's', at, ...fields }) as VigieEvent;

const TZ = 'Europe/Paris'; // UTC+1 in March 2026 (before the DST change of the 29th)
const A = { agent: 'A' };
const B = { agent: 'B' };
const C = { agent: 'C' };
const q1 = { queue: 'q1' };
const q2 = { queue: 'q2' };

/**
 * Two business days, 2026-03-10 and 2026-03-11 (Paris), so the period is [2026-03-09T23:00Z, 2026-03-11T23:00Z).
 * Team T1: A (Alice), B (Bob); team T2: C (Chloé). Times below are UTC.
 */
const events: VigieEvent[] = [
  // Before the period: A logs in (23:00 local on the 9th) and answers c0, which ends inside the period.
  ev('agent.logged_in', '2026-03-09T22:00:00Z', { ...A, name: 'Alice', team: 'T1' }),
  ev('contact.queued', '2026-03-09T22:54:50Z', { contactId: 'c0', ...q1, channel: 'voice' }),
  ev('contact.ringing', '2026-03-09T22:54:55Z', { contactId: 'c0', ...q1, ...A }),
  ev('contact.answered', '2026-03-09T22:55:00Z', { contactId: 'c0', ...q1, ...A, waitSec: 10 }),
  // Day 1 (2026-03-10).
  ev('contact.ended', '2026-03-09T23:05:00Z', {
    contactId: 'c0',
    ...q1,
    ...A,
    talkSec: 600,
    outcome: { fcr: true, csat: 4 },
  }),
  ev('agent.logged_out', '2026-03-10T00:00:00Z', A),
  ev('agent.logged_in', '2026-03-10T07:00:00Z', { ...A, name: 'Alice', team: 'T1' }),
  ev('agent.logged_in', '2026-03-10T07:00:00Z', { ...B, name: 'Bob', team: 'T1' }),
  // c1 rings A without an answer, then B answers it.
  ev('contact.queued', '2026-03-10T07:10:00Z', { contactId: 'c1', ...q1, channel: 'voice' }),
  ev('contact.ringing', '2026-03-10T07:10:02Z', { contactId: 'c1', ...q1, ...A }),
  ev('contact.ring_no_answer', '2026-03-10T07:10:12Z', { contactId: 'c1', ...q1, ...A, ringSec: 10 }),
  ev('contact.ringing', '2026-03-10T07:10:15Z', { contactId: 'c1', ...q1, ...B }),
  ev('contact.answered', '2026-03-10T07:10:20Z', { contactId: 'c1', ...q1, ...B, waitSec: 20 }),
  ev('contact.ended', '2026-03-10T07:15:20Z', { contactId: 'c1', ...q1, ...B, talkSec: 300, outcome: { fcr: true } }),
  ev('contact.queued', '2026-03-10T07:20:00Z', { contactId: 'c2', ...q1, channel: 'voice' }),
  ev('contact.ringing', '2026-03-10T07:20:03Z', { contactId: 'c2', ...q1, ...A }),
  ev('contact.answered', '2026-03-10T07:20:05Z', { contactId: 'c2', ...q1, ...A, waitSec: 5 }),
  ev('contact.ended', '2026-03-10T07:30:05Z', {
    contactId: 'c2',
    ...q1,
    ...A,
    talkSec: 600,
    wrapupSec: 60,
    outcome: { fcr: false, appointment: true, csat: 5 },
  }),
  ev('agent.logged_in', '2026-03-10T08:00:00Z', { ...C, name: 'Chloé', team: 'T2' }),
  ev('contact.queued', '2026-03-10T08:00:00Z', { contactId: 'c3', ...q2, channel: 'voice' }),
  ev('contact.ringing', '2026-03-10T08:00:05Z', { contactId: 'c3', ...q2, ...A }),
  ev('contact.answered', '2026-03-10T08:00:10Z', { contactId: 'c3', ...q2, ...A, waitSec: 10 }),
  ev('contact.ended', '2026-03-10T08:05:10Z', {
    contactId: 'c3',
    ...q2,
    ...A,
    talkSec: 300,
    wrapupSec: 30,
    outcome: { appointment: true, sale: { amountCents: 12000, currency: 'EUR' } },
  }),
  ev('contact.queued', '2026-03-10T08:30:00Z', { contactId: 'c5', ...q2, channel: 'voice' }),
  ev('contact.ringing', '2026-03-10T08:30:01Z', { contactId: 'c5', ...q2, ...C }),
  ev('contact.answered', '2026-03-10T08:30:03Z', { contactId: 'c5', ...q2, ...C, waitSec: 3 }),
  ev('contact.ended', '2026-03-10T08:40:03Z', {
    contactId: 'c5',
    ...q2,
    ...C,
    talkSec: 600,
    wrapupSec: 120,
    outcome: { appointment: false, csat: 3 },
  }),
  ev('agent.logged_out', '2026-03-10T09:00:00Z', A),
  ev('agent.paused', '2026-03-10T09:00:00Z', { ...C, reason: 'Pause' }),
  ev('agent.ready', '2026-03-10T09:15:00Z', C),
  ev('agent.logged_out', '2026-03-10T10:00:00Z', C),
  // c4 rings B without an answer, then the caller hangs up.
  ev('contact.queued', '2026-03-10T10:00:00Z', { contactId: 'c4', ...q1, channel: 'voice' }),
  ev('contact.ringing', '2026-03-10T10:00:02Z', { contactId: 'c4', ...q1, ...B }),
  ev('contact.ring_no_answer', '2026-03-10T10:00:17Z', { contactId: 'c4', ...q1, ...B, ringSec: 15 }),
  ev('contact.abandoned', '2026-03-10T10:00:30Z', { contactId: 'c4', ...q1, waitSec: 30 }),
  ev('agent.logged_out', '2026-03-10T11:00:00Z', B),
  // Day 2 (2026-03-11).
  ev('agent.logged_in', '2026-03-11T07:00:00Z', { ...A, name: 'Alice', team: 'T1' }),
  ev('contact.queued', '2026-03-11T07:05:00Z', { contactId: 'c6', ...q1, channel: 'voice' }),
  ev('contact.ringing', '2026-03-11T07:05:01Z', { contactId: 'c6', ...q1, ...A }),
  ev('contact.answered', '2026-03-11T07:05:05Z', { contactId: 'c6', ...q1, ...A, waitSec: 5 }),
  ev('contact.ended', '2026-03-11T07:25:05Z', {
    contactId: 'c6',
    ...q1,
    ...A,
    talkSec: 1200,
    outcome: { fcr: true, appointment: true, sale: { amountCents: 8000, currency: 'EUR' }, csat: 5 },
  }),
  ev('agent.logged_out', '2026-03-11T08:00:00Z', A),
  ev('agent.logged_in', '2026-03-11T12:00:00Z', { ...C, name: 'Chloé', team: 'T2' }),
  ev('contact.queued', '2026-03-11T12:10:00Z', { contactId: 'c7', ...q2, channel: 'voice' }),
  ev('contact.ringing', '2026-03-11T12:10:02Z', { contactId: 'c7', ...q2, ...C }),
  ev('contact.ring_no_answer', '2026-03-11T12:10:22Z', { contactId: 'c7', ...q2, ...C, ringSec: 20 }),
  ev('contact.ringing', '2026-03-11T12:10:30Z', { contactId: 'c7', ...q2, ...C }),
  ev('contact.answered', '2026-03-11T12:10:35Z', { contactId: 'c7', ...q2, ...C, waitSec: 35 }),
  ev('contact.ended', '2026-03-11T12:15:35Z', {
    contactId: 'c7',
    ...q2,
    ...C,
    talkSec: 300,
    outcome: { fcr: false, csat: 2 },
  }),
  // After the period's end (00:30 local on the 12th): ignored, C's sale included.
  ev('contact.queued', '2026-03-11T23:30:00Z', { contactId: 'c8', ...q2, channel: 'voice' }),
  ev('contact.answered', '2026-03-11T23:30:05Z', { contactId: 'c8', ...q2, ...C, waitSec: 5 }),
  ev('contact.ended', '2026-03-11T23:40:05Z', {
    contactId: 'c8',
    ...q2,
    ...C,
    talkSec: 600,
    outcome: { fcr: true, appointment: true, sale: { amountCents: 99900, currency: 'EUR' }, csat: 5 },
  }),
  ev('agent.logged_out', '2026-03-12T01:00:00Z', C),
];

const period = {
  timeZone: TZ,
  startMs: dayBounds('2026-03-10', TZ).startMs, // 2026-03-09T23:00Z
  endMs: dayBounds('2026-03-11', TZ).endMs, // 2026-03-11T23:00Z
};

describe(agentPeriodKpis.name, () => {
  const result = agentPeriodKpis(events, period);

  it('computes every agent figure over the two days', () => {
    expect(result.agents.map((a) => a.agent)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = result.agents;

    // A: logged in since 23:00 local the day before; counts from the period's start.
    // Logged in: day 1 23:00Z→00:00Z 3,600 + 07:00Z→09:00Z 7,200 = 10,800; day 2 07:00Z→08:00Z 3,600 → 14,400 s = 4 h.
    // Handled: c0 (answered before the period, ended in it), c2, c3, c6 = 4. Answered in the period: c2, c3, c6 = 3
    // (c0's answer was before). Rings not answered: c1 = 1.
    // Talk + wrap-up: c0 300 (23:00Z→23:05Z, the part inside the period) + c2 600 + 60 + c3 300 + 30 + c6 1,200 = 2,490.
    // Outcomes: fcr c0 true, c2 false, c6 true (c3 none) → 2/3; appointments c2, c3, c6 = 3; sales c3, c6 = 2;
    // revenue 12,000 + 8,000; csat c0 4, c2 5, c6 5 → 14/3.
    expect(a).toEqual({
      agent: 'A',
      name: 'Alice',
      team: 'T1',
      loggedInSec: 14400,
      handled: 4,
      daysLoggedIn: ['2026-03-10', '2026-03-11'],
      kpis: {
        serviceQuality: 3 / 4, // 3 answered ÷ (3 + 1 ring not answered)
        contactsPerHour: 1, // 4 handled ÷ 4 h
        ahtSec: 622.5, // 2,490 ÷ 4
        fcr: 2 / 3,
        appointmentsPerCall: 3 / 4, // 3 appointments ÷ 4 handled
        salesPerAppointment: 2 / 3, // 2 sales ÷ 3 appointments
        revenueCents: 20000,
        csat: 14 / 3,
        punctuality: null,
      },
    });

    // B: 07:00Z→11:00Z = 14,400 s = 4 h; handled and answered c1; c4 rang without an answer (then abandoned).
    expect(b).toEqual({
      agent: 'B',
      name: 'Bob',
      team: 'T1',
      loggedInSec: 14400,
      handled: 1,
      daysLoggedIn: ['2026-03-10'],
      kpis: {
        serviceQuality: 1 / 2, // 1 ÷ (1 + 1)
        contactsPerHour: 1 / 4, // 1 ÷ 4 h
        ahtSec: 300, // talk 300, no wrap-up
        fcr: 1, // c1 true ÷ 1
        appointmentsPerCall: 0, // 0 ÷ 1 handled
        salesPerAppointment: null, // no appointment
        revenueCents: 0,
        csat: null, // no survey
        punctuality: null,
      },
    });

    // C: day 1 08:00Z→10:00Z = 7,200 (15 min of it paused); day 2 12:00Z→23:00Z (the period's end; the logout at
    // 01:00Z on the 12th is after it) = 39,600 → 46,800 s = 13 h. Handled c5, c7 = 2, answered 2, c7 rang once
    // without an answer. Talk + wrap-up: c5 600 + 120, c7 300 → 1,020. c8 (after the end) counts for nothing.
    expect(c).toEqual({
      agent: 'C',
      name: 'Chloé',
      team: 'T2',
      loggedInSec: 46800,
      handled: 2,
      daysLoggedIn: ['2026-03-10', '2026-03-11'],
      kpis: {
        serviceQuality: 2 / 3, // 2 ÷ (2 + 1)
        contactsPerHour: 2 / 13, // 2 ÷ 13 h
        ahtSec: 510, // 1,020 ÷ 2
        fcr: 0, // c7 false ÷ 1 (c5 has no fcr outcome)
        appointmentsPerCall: 0, // c5 appointment false → 0 ÷ 2
        salesPerAppointment: null,
        revenueCents: 0,
        csat: 5 / 2, // (3 + 2) ÷ 2
        punctuality: null,
      },
    });
  });

  it('gives each team the figures of the queues its agents handled contacts in, entered in the period', () => {
    // q1 (c0 entered before the period: left out): c1 wait 20, c2 5, c6 5 answered; c4 abandoned after 30 s.
    //   offered 4, answered 3, abandoned 1, within 20 s: c1, c2, c6 = 3; wait sum 30; talk c1 300 + c2 600 + c6 1,200.
    // q2 (c8 after the end: left out): c3 wait 10, c5 3, c7 35 answered; within 20 s: c3, c5 = 2; wait sum 48;
    //   talk c3 300 + c5 600 + c7 300.
    // T1 (A: q1, q2; B: q1) = q1 + q2; T2 (C: q2) = q2.
    expect(Object.keys(result.teams)).toEqual(['T1', 'T2']);
    expect(result.teams.T1).toMatchObject({
      offered: 7,
      answered: 6,
      abandoned: 1,
      notDistributed: 0,
      received: 7,
      answeredWithinSl: 5,
      serviceQuality: 6 / 7,
      serviceLevel: 5 / 7,
      avgWaitAnsweredSec: 13, // (30 + 48) ÷ 6
      avgTalkSec: 550, // (2,100 + 1,200) ÷ 6
      maxWaitSec: 35,
    });
    expect(result.teams.T2).toMatchObject({
      offered: 3,
      answered: 3,
      abandoned: 0,
      notDistributed: 0,
      received: 3,
      answeredWithinSl: 2,
      serviceQuality: 1,
      serviceLevel: 2 / 3,
      avgWaitAnsweredSec: 16, // 48 ÷ 3
      avgTalkSec: 400, // 1,200 ÷ 3
      maxWaitSec: 35,
    });
    for (const figures of Object.values(result.teams)) {
      expect(Object.values(figures).every((v) => typeof v === 'number')).toBe(true);
    }
  });

  it("counts team figures by the site's figure definitions, as the queue reports do", () => {
    // q1 leaves abandons under 60 s out of its ratios (c4 waited 30 s: excluded); q2's target is 40 s from the
    // second day (c7, 35 s on 2026-03-11, is now within). T1 = q1 + q2: within 3 + 3 = 6 of 7 received less 1
    // excluded; T2 = q2: 3 of 3.
    const rules = { targetSec: 20, shortAbandonSec: null, countNotDistributed: true, version: 1 };
    const book = new FigureBook(
      [
        { ...rules, id: 'q1-short', queue: 'q1', validFrom: '2026-03-01', shortAbandonSec: 60 },
        { ...rules, id: 'q2-40', queue: 'q2', validFrom: '2026-03-11', targetSec: 40 },
      ],
      TZ,
    );
    const { teams } = agentPeriodKpis(events, { ...period, definitions: book.resolve });
    expect(teams.T1).toMatchObject({ received: 7, answeredWithinSl: 6, serviceLevel: 1, serviceQuality: 1 });
    expect(teams.T2).toMatchObject({ received: 3, answeredWithinSl: 3, serviceLevel: 1, serviceQuality: 1 });
  });

  it('agrees with the agent daily report on handled contacts and handling time for one day', () => {
    for (const date of ['2026-03-10', '2026-03-11']) {
      const { startMs, endMs } = dayBounds(date, TZ);
      const day = agentPeriodKpis(events, { timeZone: TZ, startMs, endMs });
      const report = agentDay(events, TZ, startMs, endMs);
      expect(day.agents.map((a) => a.agent)).toEqual(report.map((r) => r.agent));
      for (const [i, row] of report.entries()) {
        const mine = day.agents[i];
        expect(mine?.handled).toBe(row.handled);
        expect(mine?.loggedInSec).toBe(row.loggedInSec);
        if (row.avgHandlingSec === null) {
          expect(mine?.kpis.ahtSec).toBeNull();
        } else {
          expect(mine?.kpis.ahtSec).toBeCloseTo(row.avgHandlingSec, 9);
        }
      }
    }
  });

  it('streams: the accumulator fed one event at a time gives the same result, once closed', () => {
    const acc = new PeriodKpiAccumulator(period);
    for (const event of events) {
      acc.add(event);
    }
    expect(acc.result()).toEqual(result);
    expect(acc.result()).toBe(acc.result());
    expect(() => acc.add(events[0] as VigieEvent)).toThrow(/closed/);
  });

  it('names business days with the cut-over and gives nulls to an empty period', () => {
    // Cut-over 06:00: a login at 05:30 local on the 11th (04:30Z) belongs to the business day of the 10th.
    const cutoverMinute = 360;
    const { startMs } = dayBounds('2026-03-10', TZ, cutoverMinute);
    const { endMs } = dayBounds('2026-03-11', TZ, cutoverMinute);
    const shift = [
      ev('agent.logged_in', '2026-03-11T04:30:00Z', { agent: 'N', team: 'T3' }),
      ev('agent.logged_out', '2026-03-11T05:30:00Z', { agent: 'N' }), // 06:30 local: 30 min on each day
    ];
    const { agents, teams } = agentPeriodKpis(shift, { timeZone: TZ, startMs, endMs, cutoverMinute });
    expect(agents).toEqual([
      {
        agent: 'N',
        name: null,
        team: 'T3',
        loggedInSec: 3600,
        handled: 0,
        daysLoggedIn: ['2026-03-10', '2026-03-11'],
        kpis: {
          serviceQuality: null,
          contactsPerHour: 0, // 0 handled ÷ 1 h
          ahtSec: null,
          fcr: null,
          appointmentsPerCall: null,
          salesPerAppointment: null,
          revenueCents: 0,
          csat: null,
          punctuality: null,
        },
      },
    ]);
    // T3 handled nothing: the figures of no queue (counts 0, no ratios).
    expect(teams.T3).toMatchObject({ offered: 0, received: 0, maxWaitSec: 0 });
    expect(teams.T3).not.toHaveProperty('serviceLevel');
    expect(agentPeriodKpis(events, { timeZone: TZ, startMs: endMs, endMs })).toEqual({ agents: [], teams: {} });
  });
});
