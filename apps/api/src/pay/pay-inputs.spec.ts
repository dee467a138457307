import type { PayRules } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { NO_TEAM, payInput, resolveTerms, weekdays, type PeriodFigures } from './pay-inputs.js';

const RULES: PayRules = {
  currency: 'EUR',
  individual: { tiers: [{ from: 0, cents: 100 }] },
  collective: [],
  challenges: [{ id: 'nps', label: 'NPS', prizeCents: 500 }],
  caps: { perAgentCents: null, perPeriodCents: null },
  proration: { partTime: true, absence: true },
};

const figures: PeriodFigures = {
  agents: new Map([
    ['a1', { name: 'Anne', team: 'T', daysLoggedIn: ['2026-03-02', '2026-03-03', '2026-03-07'] }],
    ['a2', { name: 'Bob', team: null, daysLoggedIn: [] }],
  ]),
  teams: { T: { serviceLevel: 0.9, avgTalkSec: null } },
};

describe('pay inputs', () => {
  it('lists the weekdays of a period, across a month end', () => {
    expect(weekdays('2026-02-27', '2026-03-03')).toEqual(['2026-02-27', '2026-03-02', '2026-03-03']);
    expect(weekdays('2026-03-07', '2026-03-08')).toEqual([]);
  });

  it('defaults terms to full time, weekdays scheduled, absence = weekdays without a login', () => {
    const scheduled = weekdays('2026-03-02', '2026-03-08');
    const evaluations = [
      { agent: 'a1', team: 'T', scoreBp: 8000 },
      { agent: 'a2', team: null, scoreBp: null },
    ];
    const { terms, issues } = resolveTerms(RULES, evaluations, figures, {}, scheduled);
    expect(issues).toEqual([]);
    // The Saturday login does not make up for a weekday.
    expect(terms.a1).toEqual({ partTimeBp: 10_000, scheduledDays: 5, absenceDays: 3, challengesWon: [] });
    expect(terms.a2).toEqual({ partTimeBp: 10_000, scheduledDays: 5, absenceDays: 5, challengesWon: [] });
    const own = resolveTerms(RULES, evaluations, figures, { a1: { scheduledDays: 2, partTimeBp: 4000 } }, scheduled);
    expect(own.terms.a1).toEqual({ partTimeBp: 4000, scheduledDays: 2, absenceDays: 0, challengesWon: [] });
  });

  it('names the terms at fault', () => {
    const { issues } = resolveTerms(
      RULES,
      [{ agent: 'a1', team: 'T', scoreBp: 8000 }],
      figures,
      { a1: { absenceDays: 9, challengesWon: ['nps', 'x'] }, zz: {} },
      weekdays('2026-03-02', '2026-03-08'),
    );
    expect(issues.map((i) => i.field)).toEqual(['terms.zz', 'terms.a1.absenceDays', 'terms.a1.challengesWon.1']);
  });

  it('builds the domain input: names and teams from the log, unknown team figures left out', () => {
    const terms = {
      a1: { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: [] },
      a2: { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: [] },
      a3: { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: [] },
    };
    const input = payInput(
      { id: 'p', startMs: 0, endMs: 1 },
      [
        { agent: 'a1', team: null, scoreBp: 8000 },
        { agent: 'a2', team: 'U', scoreBp: 7000 },
        { agent: 'a3', team: null, scoreBp: 6000 },
      ],
      figures,
      terms,
    );
    expect(input.teams).toEqual({ T: { serviceLevel: 0.9 } });
    expect(input.agents.map((a) => [a.agentId, a.name, a.teamId])).toEqual([
      ['a1', 'Anne', 'T'],
      ['a2', 'Bob', 'U'],
      ['a3', 'a3', NO_TEAM],
    ]);
  });
});
