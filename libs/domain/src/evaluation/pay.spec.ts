import { PayInput, PayRules } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { adjustLine, computePay, formatCents } from './pay.js';
import { payrollRows } from './payroll-rows.js';
import { LockedError, lock } from './revision.js';

const rules: PayRules = PayRules.parse({
  currency: 'EUR',
  individual: {
    tiers: [
      { from: 0, to: 6000, cents: 0 },
      { from: 6000, to: 7000, cents: 5000 },
      { from: 7000, to: 8000, cents: 10000 },
      { from: 8000, to: 9000, cents: 15000 },
      { from: 9000, cents: 20000 },
    ],
  },
  collective: [
    {
      id: 'sl',
      label: 'Niveau de service équipe',
      figure: 'serviceLevel',
      tiers: [
        { from: 0, to: 0.8, cents: 0 },
        { from: 0.8, to: 0.85, cents: 20000 },
        { from: 0.85, cents: 30000 },
      ],
    },
  ],
  challenges: [{ id: 'ventes-mars', label: 'Challenge ventes de mars', prizeCents: 3000 }],
  caps: { perAgentCents: 25000, perPeriodCents: null },
  proration: { partTime: true, absence: true },
});

const agent = { partTimeBp: 10_000, scheduledDays: 20, absenceDays: 0, challengesWon: [] };
const input: PayInput = PayInput.parse({
  period: { id: '2026-03', startMs: Date.UTC(2026, 2, 1), endMs: Date.UTC(2026, 3, 1) },
  teams: { T1: { serviceLevel: 0.87 }, T2: { serviceLevel: 0.78 } },
  agents: [
    {
      ...agent,
      agentId: 'a3',
      name: 'Chloé, Dupont',
      teamId: 'T1',
      scoreBp: 7400,
      scheduledDays: 21,
      absenceDays: 2,
      challengesWon: ['ventes-mars'],
    },
    { ...agent, agentId: 'a1', name: 'Alice Martin', teamId: 'T1', scoreBp: 8167 },
    {
      ...agent,
      agentId: 'a2',
      name: 'Bruno "Bru" Lefèvre',
      teamId: 'T1',
      scoreBp: 9250,
      partTimeBp: 6000,
      scheduledDays: 12,
    },
    { ...agent, agentId: 'a4', name: 'David Roux', teamId: 'T2', scoreBp: null, challengesWon: ['ventes-mars'] },
  ],
});

const amounts = (run: ReturnType<typeof computePay>) =>
  run.lines.map((l) => [l.agentId, l.individualCents, l.collectiveCents, l.challengeCents, l.capCents, l.totalCents]);

describe(computePay.name, () => {
  // Individual (tier of the score × part-time × present/scheduled days, rounded once, halves up):
  //   a1 81.67 → tier 4, 150.00 € × 1 × 20/20                 = 15000
  //   a2 92.50 → tier 5, 200.00 € × 0.6 × 12/12               = 12000 (60 % part-time)
  //   a3 74.00 → tier 3, 100.00 € × 1 × 19/21 = 9047.619…     →  9048
  //   a4 no validated evaluation                              =     0
  // Collective: T1 service level 0.87 → tier 3, pool 300.00 € over 20 + 12 + 19 = 51 presence days:
  //   a1 30000 × 20/51 = 11764 r36, a2 × 12/51 = 7058 r42, a3 × 19/51 = 11176 r24; floors 29998, the 2 cents
  //   left go to the largest remainders a2 then a1: 11765, 7059, 11176 (= 30000). T2 0.78 → tier 1, a pool of 0.
  // Challenge: a3 and a4 won 30.00 €.
  // Agent cap 250.00 €: a1 15000 + 11765 = 26765 → −1765 → 25000; a2 19059; a3 9048 + 11176 + 3000 = 23224; a4 3000.
  it('computes individual and collective bonuses with a cap and a 60 % part-time proration, to the cent', () => {
    const run = computePay(rules, input);
    expect(amounts(run)).toEqual([
      ['a1', 15000, 11765, 0, -1765, 25000],
      ['a2', 12000, 7059, 0, 0, 19059],
      ['a3', 9048, 11176, 3000, 0, 23224],
      ['a4', 0, 0, 3000, 0, 3000],
    ]);
    expect(run.lines.map((l) => l.prorationBp)).toEqual([10000, 6000, 9048, 10000]);
    expect(run).toMatchObject({ currency: 'EUR', locked: null, period: { id: '2026-03' } });
  });

  it('explains every line: rule, figure, tier, amount', () => {
    const [a1, a2, a3, a4] = computePay(rules, input).lines;
    expect(a2?.explanations.map((e) => e.detail)).toEqual([
      'score 92.50/100 → tier 5 → 200.00 EUR × 6000/10000 part-time × 12/12 days = 120.00 EUR',
      'Niveau de service équipe: team T1 serviceLevel 0.87 → tier 3, pool 300.00 EUR; 12/51 presence days → 70.59 EUR',
    ]);
    expect(a3?.explanations[0]).toMatchObject({
      rule: 'individual',
      figure: { name: 'scoreBp', value: 7400 },
      tier: 2,
    });
    expect(a3?.explanations[2]).toMatchObject({ rule: 'challenge', ruleId: 'ventes-mars', amountCents: 3000 });
    expect(a1?.explanations[2]).toEqual({
      rule: 'agentCap',
      ruleId: null,
      figure: null,
      tier: null,
      amountCents: -1765,
      detail: 'agent cap 250.00 EUR: -17.65 EUR',
      params: { capCents: 25000 },
    });
    expect(a4?.explanations[1]).toMatchObject({ rule: 'collective', tier: 0, amountCents: 0 });
    expect(a4?.explanations[1]?.detail).toContain(
      'serviceLevel 0.78 → tier 1, pool 0.00 EUR; 20/20 presence days → 0.00 EUR',
    );
  });

  it('gives the figures of every step as language-neutral params, amounts in cents', () => {
    const [a1, a2, a3, a4] = computePay(rules, input).lines;
    expect(a2?.explanations.map((e) => e.params)).toEqual([
      { scoreBp: 9250, tierCents: 20000, partTimeBp: 6000, days: 12, scheduledDays: 12 },
      {
        label: 'Niveau de service équipe',
        team: 'T1',
        figure: 'serviceLevel',
        value: 0.87,
        poolCents: 30000,
        presenceDays: 12,
        teamDays: 51,
      },
    ]);
    // a3: 21 scheduled, 2 absent → paid on 19 of 21 days; the challenge prize as it is.
    expect(a3?.explanations.map((e) => [e.rule, e.params])).toEqual([
      ['individual', { scoreBp: 7400, tierCents: 10000, partTimeBp: 10000, days: 19, scheduledDays: 21 }],
      ['collective', expect.objectContaining({ team: 'T1', poolCents: 30000, presenceDays: 19, teamDays: 51 })],
      ['challenge', { label: 'Challenge ventes de mars', prizeCents: 3000 }],
    ]);
    expect(a1?.explanations.map((e) => e.rule)).toEqual(['individual', 'collective', 'agentCap']);
    expect(a4?.explanations[0]?.params).toEqual({
      scoreBp: null,
      tierCents: 0,
      partTimeBp: 10000,
      days: 20,
      scheduledDays: 20,
    });
    expect(a4?.explanations[1]?.params).toMatchObject({ team: 'T2', value: 0.78, poolCents: 0, teamDays: 20 });
    const noFigure = computePay(rules, { ...input, teams: { T1: { serviceLevel: 0.87 } } }).lines[3];
    expect(noFigure?.explanations[1]).toMatchObject({
      figure: null,
      tier: null,
      params: { team: 'T2', value: null, poolCents: 0, presenceDays: 20, teamDays: 20 },
    });
    expect(noFigure?.explanations[1]?.detail).toContain('team T2: no serviceLevel figure, no pool');
  });

  it('scales every line down to the period cap, leftover cents to the largest remainders', () => {
    // Sum 25000 + 19059 + 23224 + 3000 = 70283 > 60000: each × 60000/70283, floored:
    //   a1 21342 r20214, a2 16270 r35590, a3 19826 r9242, a4 2561 r5237 → 59999; the cent left goes to a2.
    const run = computePay({ ...rules, caps: { ...rules.caps, perPeriodCents: 60000 } }, input);
    expect(amounts(run)).toEqual([
      ['a1', 15000, 11765, 0, -1765 - 3658, 21342],
      ['a2', 12000, 7059, 0, -2788, 16271],
      ['a3', 9048, 11176, 3000, -3398, 19826],
      ['a4', 0, 0, 3000, -439, 2561],
    ]);
    expect(run.lines.reduce((a, l) => a + l.totalCents, 0)).toBe(60000);
    expect(run.lines[1]?.explanations.at(-1)).toMatchObject({
      rule: 'periodCap',
      amountCents: -2788,
      detail: 'period cap 600.00 EUR on 702.83 EUR: × 60000/70283 → -27.88 EUR',
      params: { capCents: 60000, sumCents: 70283 },
    });
  });

  it('does not prorate when the rules say so, and refuses an unknown challenge', () => {
    const flat = computePay({ ...rules, proration: { partTime: false, absence: false } }, input);
    expect(flat.lines.map((l) => l.individualCents)).toEqual([15000, 20000, 10000, 0]);
    const typo = { ...input, agents: [{ ...input.agents[3]!, challengesWon: ['ventes-avril'] }] };
    expect(() => computePay(rules, typo)).toThrow('unknown challenge ventes-avril');
  });
});

describe(adjustLine.name, () => {
  it('adds HR adjustments after review, with their reason', () => {
    const run = adjustLine(computePay(rules, input), 'a4', 500, 'prime de tutorat', 'rh-1');
    expect(run.lines[3]).toMatchObject({ adjustmentCents: 500, totalCents: 3500 });
    expect(run.lines[3]?.explanations.at(-1)).toMatchObject({
      rule: 'adjustment',
      detail: 'adjusted by rh-1: prime de tutorat',
      params: { by: 'rh-1', reason: 'prime de tutorat' },
    });
    expect(() => adjustLine(run, 'a4', -4000, 'trop', 'rh-1')).toThrow(RangeError);
    expect(() => adjustLine(run, 'zz', 1, 'x', 'rh-1')).toThrow('no line for agent zz');
  });

  it('is refused on a locked run, which stays as it was', () => {
    const locked = lock(computePay(rules, input), 'pay run 2026-03', 'rh-1', Date.UTC(2026, 3, 3, 9));
    expect(() => adjustLine(locked, 'a1', 100, 'oubli', 'rh-2')).toThrow(LockedError);
    expect(() => adjustLine(locked, 'a1', 100, 'oubli', 'rh-2')).toThrow(
      'pay run 2026-03 was locked by rh-1 at 2026-04-03T09:00:00.000Z',
    );
    expect(() => lock(locked, 'pay run 2026-03', 'rh-2', Date.UTC(2026, 3, 4))).toThrow(LockedError);
    expect(locked.lines[0]?.totalCents).toBe(25000);
  });
});

describe('the worked example exported to payroll', () => {
  it('gives one record per agent under the documented columns', () => {
    const run = lock(computePay(rules, input), 'pay run 2026-03', 'rh-1', Date.UTC(2026, 3, 3));
    const [header = [], ...lines] = payrollRows(run);
    const records = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
    expect(records.map((r) => [r.agent, r.name, r.total_cents, r.amount])).toEqual([
      ['a1', 'Alice Martin', '25000', '250.00 EUR'],
      ['a2', 'Bruno "Bru" Lefèvre', '19059', '190.59 EUR'],
      ['a3', 'Chloé, Dupont', '23224', '232.24 EUR'],
      ['a4', 'David Roux', '3000', '30.00 EUR'],
    ]);
    expect(records[2]).toEqual({
      agent: 'a3',
      name: 'Chloé, Dupont',
      period: '2026-03',
      currency: 'EUR',
      individual_cents: '9048',
      collective_cents: '11176',
      challenge_cents: '3000',
      cap_cents: '0',
      adjustment_cents: '0',
      proration: '0.9048',
      total_cents: '23224',
      amount: '232.24 EUR',
    });
  });
});

describe(formatCents.name, () => {
  it.each([
    [0, '0.00 EUR'],
    [5, '0.05 EUR'],
    [123456, '1234.56 EUR'],
    [-1765, '-17.65 EUR'],
  ])('formats %i cents as %s', (cents, text) => {
    expect(formatCents(cents, 'EUR')).toBe(text);
  });
});
