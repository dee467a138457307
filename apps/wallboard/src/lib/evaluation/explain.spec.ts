import { cleanup, render, screen, within } from '@testing-library/svelte';
import { adjustLine, computePay, scoreEvaluation } from '@vigie/domain';
import { Grid, PayInput, PayRules, type Criterion } from '@vigie/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.svelte.js';
import type { CriterionScore, PayExplanation, PayLine } from './api.js';
import CriterionRow from './criterion-row.svelte';
import { explainCriterion, explainPay } from './explain.js';
import PayExplanations from './pay-explanations.svelte';

/** Intl separates thousands and the symbol with (narrow) no-break spaces: compare on plain spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

// The domain's own results, as the API sends them (JSON), so the wire shape is the one tested.
const wire = <T>(x: unknown): T => JSON.parse(JSON.stringify(x)) as T;

const politeness: Criterion = {
  id: 'politeness',
  label: 'Politesse',
  weight: 1,
  kind: 'manual',
  scale: { min: 0, max: 5 },
  naAllowed: true,
  target: 4.5,
  eliminatory: 'section',
  eliminatoryBelow: 1,
  tiers: [
    { from: 0, to: 1.5, points: 0 },
    { from: 1.5, to: 3, points: 5 },
    { from: 3, points: 10 },
  ],
};
const quality: Criterion = {
  id: 'qs',
  label: 'Qualité.Svc',
  weight: 2,
  kind: 'kpi',
  kpi: { figure: 'serviceQuality' },
  naAllowed: false,
  eliminatory: 'grid',
  eliminatoryBelow: 0.5,
  tiers: [
    { from: 0.5, to: 0.8, points: 2 },
    { from: 0.8, points: 4 },
  ],
};
const grid = Grid.parse({
  id: 'g',
  version: 1,
  validFrom: 0,
  label: 'Grille',
  sections: [{ id: 's', label: 'Section', weight: 1, criteria: [politeness, quality] }],
});
const criteria = (values: Record<string, number | null>) =>
  wire<{ criteria: CriterionScore[] }>(scoreEvaluation(grid, values)).criteria;

describe(explainCriterion.name, () => {
  it.each([
    {
      values: { politeness: 4, qs: 0.83 },
      fr: [
        '4 (cible 4,5) → palier 3 [3 ; ∞[ → 10/10 points × poids 1',
        '0,83 → palier 2 [0,8 ; ∞[ → 4/4 points × poids 2',
      ],
      en: [
        '4 (target 4.5) → tier 3 [3, ∞) → 10/10 points × weight 1',
        '0.83 → tier 2 [0.8, ∞) → 4/4 points × weight 2',
      ],
    },
    {
      values: { politeness: 0.5, qs: 0.4 },
      fr: [
        '0,5 (cible 4,5) → palier 1 [0 ; 1,5[ → 0/10 points × poids 1 ; sous 1 : éliminatoire, la section vaut 0',
        '0,4 → aucun palier → 0/4 points × poids 2 ; sous 0,5 : éliminatoire, la grille vaut 0',
      ],
      en: [
        '0.5 (target 4.5) → tier 1 [0, 1.5) → 0/10 points × weight 1; below 1: eliminatory, the section scores 0',
        '0.4 → no tier → 0/4 points × weight 2; below 0.5: eliminatory, the grid scores 0',
      ],
    },
    {
      values: { politeness: null, qs: 0.7 },
      fr: ['N/A, hors du dénominateur', '0,7 → palier 1 [0,5 ; 0,8[ → 2/4 points × poids 2'],
      en: ['N/A, left out of the denominator', '0.7 → tier 1 [0.5, 0.8) → 2/4 points × weight 2'],
    },
  ])('says $values in French and English', ({ values, fr, en }) => {
    const scores = criteria(values);
    expect(scores.map((s) => explainCriterion(s, 'fr'))).toEqual(fr);
    expect(scores.map((s) => explainCriterion(s, 'en'))).toEqual(en);
  });

  it('says a KPI figure with no data where N/A is not allowed (the API marks it noData)', () => {
    const [, qs] = criteria({ politeness: 4, qs: 0.4 });
    const gap = { ...qs!, value: null, tier: null, na: 'noData' as const, range: null, eliminates: null };
    expect(explainCriterion(gap, 'fr')).toBe(
      'N/A (aucune donnée sur la période) alors que N/A n’est pas admis → aucun palier → 0/4 points × poids 2',
    );
    expect(explainCriterion(gap, 'en')).toBe(
      'N/A (no data in the period) where N/A is not allowed → no tier → 0/4 points × weight 2',
    );
  });

  it('shows the stored English sentence of a score stored before the structured fields', () => {
    const old: CriterionScore = {
      sectionId: 's',
      criterionId: 'politeness',
      label: 'Politesse',
      weight: 1,
      value: 4,
      tier: 1,
      points: 10,
      maxPoints: 10,
      eliminates: null,
      explanation: 'Politesse: 4 → tier 2 [3, ∞) → 10/10 points × weight 1',
    };
    expect(explainCriterion(old, 'fr')).toBe(old.explanation);
    expect(explainCriterion(old, 'en')).toBe(old.explanation);
  });
});

// The e2e worked example's shape: team A shares a pool of 100 € over 12 presence days; B is capped.
const rules = PayRules.parse({
  currency: 'EUR',
  individual: {
    tiers: [
      { from: 0, to: 6000, cents: 0 },
      { from: 6000, to: 9000, cents: 5000 },
      { from: 9000, cents: 10000 },
    ],
  },
  collective: [
    {
      id: 'sl',
      label: 'Niveau de service',
      figure: 'serviceLevel',
      tiers: [
        { from: 0.5, to: 0.8, cents: 10000 },
        { from: 0.8, cents: 20000 },
      ],
    },
  ],
  challenges: [{ id: 'nps', label: 'Challenge NPS', prizeCents: 10000 }],
  caps: { perAgentCents: 30000, perPeriodCents: null },
  proration: { partTime: true, absence: true },
});
const terms = { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: [] };
const input = PayInput.parse({
  period: { id: 'p', startMs: 0, endMs: 1 },
  teams: { A: { serviceLevel: 0.75 }, B: { serviceLevel: 1 }, C: { serviceLevel: 0.4 } },
  agents: [
    { ...terms, agentId: 'a1', name: 'Zoé', teamId: 'A', scoreBp: 10_000 },
    { ...terms, agentId: 'a2', name: 'Léa', teamId: 'A', scoreBp: 7500, partTimeBp: 6000, scheduledDays: 3 },
    { ...terms, agentId: 'a3', name: 'Omar', teamId: 'A', scoreBp: 5000, absenceDays: 1 },
    { ...terms, agentId: 'b1', name: 'Bruno', teamId: 'B', scoreBp: 9500, challengesWon: ['nps'] },
    { ...terms, agentId: 'c1', name: 'Chloé', teamId: 'C', scoreBp: null },
    { ...terms, agentId: 'd1', name: 'David', teamId: 'D', scoreBp: 6000 },
  ],
});
const lines = (run: ReturnType<typeof computePay>) => wire<PayLine[]>(run.lines);
const steps = (line: PayLine | undefined, locale: 'fr' | 'en') =>
  (line?.explanations ?? []).map((x) => plain(explainPay(x, 'EUR', locale)));

describe(explainPay.name, () => {
  const [a1, a2, , b1, c1, d1] = lines(computePay(rules, input));

  it('says the individual bonus, the collective share and a challenge', () => {
    expect(steps(a1, 'fr')).toEqual([
      'score 100,00/100 → palier 3 → 100,00 € × temps partiel 100 % × 5/5 jours = 100,00 €',
      'Prime équipe A (Niveau de service) : niveau de service 0,75 → palier 1, enveloppe 100,00 € ; 5/12 jours de présence → 41,67 €',
    ]);
    expect(steps(a1, 'en')).toEqual([
      'score 100.00/100 → tier 3 → €100.00 × part-time 100% × 5/5 days = €100.00',
      'Team A bonus (Niveau de service): service level 0.75 → tier 1, pool €100.00; 5/12 presence days → €41.67',
    ]);
    expect(steps(a2, 'fr')[0]).toBe('score 75,00/100 → palier 2 → 50,00 € × temps partiel 60 % × 3/3 jours = 30,00 €');
    expect(steps(a2, 'en')[0]).toBe('score 75.00/100 → tier 2 → €50.00 × part-time 60% × 3/3 days = €30.00');
    expect(steps(b1, 'fr')[2]).toBe('Challenge NPS : lot 100,00 €');
    expect(steps(b1, 'en')[2]).toBe('Challenge NPS: prize €100.00');
  });

  it('says no evaluation, a figure in no tier and a missing figure', () => {
    expect(steps(c1, 'fr')).toEqual([
      'pas d’évaluation validée → aucun palier × temps partiel 100 % × 5/5 jours = 0,00 €',
      'Prime équipe C (Niveau de service) : niveau de service 0,4 → aucun palier, pas d’enveloppe ; 5/5 jours de présence → 0,00 €',
    ]);
    expect(steps(c1, 'en')).toEqual([
      'no validated evaluation → no tier × part-time 100% × 5/5 days = €0.00',
      'Team C bonus (Niveau de service): service level 0.4 → no tier, no pool; 5/5 presence days → €0.00',
    ]);
    expect(steps(d1, 'fr')[1]).toBe(
      'Prime équipe D (Niveau de service) : niveau de service sans valeur, pas d’enveloppe ; 5/5 jours de présence → 0,00 €',
    );
    expect(steps(d1, 'en')[1]).toBe(
      'Team D bonus (Niveau de service): no service level figure, no pool; 5/5 presence days → €0.00',
    );
  });

  it('says the agent cap, the period cap and an adjustment', () => {
    expect(steps(b1, 'fr')[3]).toBe('Plafond agent 300,00 € : -100,00 €');
    expect(steps(b1, 'en')[3]).toBe('Agent cap €300.00: -€100.00');

    const capped = computePay({ ...rules, caps: { ...rules.caps, perPeriodCents: 50_000 } }, input);
    const b1Capped = lines(capped)[3];
    expect(steps(b1Capped, 'fr')[4]).toBe('Plafond période 500,00 € pour un total de 580,00 € : -41,38 €');
    expect(steps(b1Capped, 'en')[4]).toBe('Period cap €500.00 on a total of €580.00: -€41.38');

    const adjusted = lines(adjustLine(computePay(rules, input), 'c1', 1234, 'prime exceptionnelle', 'rh@test.local'));
    expect(steps(adjusted[4], 'fr').at(-1)).toBe('Ajusté par rh@test.local : prime exceptionnelle');
    expect(steps(adjusted[4], 'en').at(-1)).toBe('Adjusted by rh@test.local: prime exceptionnelle');
  });

  it('shows the stored English detail of a run stored before params', () => {
    const old = wire<PayExplanation[]>(a1?.explanations).map(({ params: _params, ...x }) => x as PayExplanation);
    expect(old.map((x) => explainPay(x, 'EUR', 'fr'))).toEqual(a1?.explanations.map((x) => x.detail));
  });
});

describe('the screens', () => {
  afterEach(() => {
    cleanup();
    i18n.locale = 'fr';
  });

  it('show a pay line in the current language', () => {
    const [a1] = lines(computePay(rules, input));
    render(PayExplanations, { explanations: a1!.explanations, currency: 'EUR', caption: 'Calcul de a1' });
    const rows = within(screen.getByRole('table', { name: 'Calcul de a1' })).getAllByRole('row');
    expect(plain(rows[1]!.textContent)).toContain('score 100,00/100 → palier 3 → 100,00 €');
    expect(plain(rows[2]!.textContent)).toContain('5/12 jours de présence → 41,67 €');
    cleanup();
    i18n.locale = 'en';
    render(PayExplanations, { explanations: a1!.explanations, currency: 'EUR', caption: 'Pay of a1' });
    const en = within(screen.getByRole('table', { name: 'Pay of a1' })).getAllByRole('row');
    expect(en[2]!.textContent).toContain('5/12 presence days → €41.67');
  });

  it('show a criterion score in the current language', () => {
    const [score] = criteria({ politeness: 4, qs: 0.83 });
    const props = { criterion: politeness, value: 4, na: false, comment: '', score, editable: false };
    render(CriterionRow, { ...props, commentable: false, onchange: () => undefined });
    expect(document.body.textContent).toContain('4 (cible 4,5) → palier 3 [3 ; ∞[ → 10/10 points × poids 1');
    expect(document.body.textContent).not.toContain('weight');
  });
});
