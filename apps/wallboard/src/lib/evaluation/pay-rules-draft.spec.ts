import type { PayRules } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { newTier } from './grid-draft.js';
import { draftToRules, emptyRules, newChallenge, newPool, rulesIssues, rulesToDraft } from './pay-rules-draft.js';

const RULES: PayRules = {
  currency: 'EUR',
  individual: {
    tiers: [
      { from: 6000, to: 7500, cents: 5555 },
      { from: 7500, cents: 10_001 },
    ],
  },
  collective: [{ id: 'sl', label: 'Niveau de service', figure: 'serviceLevel', tiers: [{ from: 0.8, cents: 20_000 }] }],
  challenges: [{ id: 'nps', label: 'Meilleur NPS', prizeCents: 5000 }],
  caps: { perAgentCents: 30_000, perPeriodCents: null },
  proration: { partTime: true, absence: false },
};

describe('pay rules form model', () => {
  it('shows scores in % and amounts in currency units, and sends basis points and cents back', () => {
    const draft = rulesToDraft(RULES);
    expect(draft.individual.map((t) => [t.from, t.to, t.value])).toEqual([
      [60, 75, 55.55],
      [75, undefined, 100.01],
    ]);
    expect(draft.perAgent).toBe(300);
    expect(draft.perPeriod).toBeUndefined();
    expect(rulesIssues(draft)).toEqual([]);
    expect(draftToRules(draft)).toEqual(RULES);
  });

  it('names what is missing or out of range', () => {
    const draft = emptyRules();
    draft.currency = 'euro';
    draft.individual.push(newTier(90, 120, 10));
    draft.collective.push({ ...newPool(1), label: '' });
    draft.challenges.push(newChallenge(1));
    draft.perPeriod = -1;
    expect(rulesIssues(draft)).toEqual([
      'La devise est un code de trois lettres (EUR).',
      'Prime individuelle par score (% du maximum), palier 3 : seul le dernier palier peut être sans limite.',
      'Prime individuelle, palier 4 : le score va de 0 à 100 %.',
      'Prime collective 1 : identifiant, libellé et indicateur obligatoires.',
      'Prime collective 1, palier 2 : le montant est positif ou nul.',
      'Challenge 1 : identifiant, libellé et lot obligatoires.',
      'Les plafonds sont positifs ou nuls.',
    ]);
  });
});
