import { EvaluationInputError } from '@vigie/domain';
import { Grid } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { checkValues, kpiValues, missingCriterion, scoreIfComplete } from './scoring.js';

const grid: Grid = Grid.parse({
  id: 'g',
  version: 1,
  validFrom: 0,
  label: 'Grille',
  sections: [
    {
      id: 'results',
      label: 'Résultats',
      weight: 1,
      criteria: [
        {
          id: 'qs',
          label: 'QS',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'serviceQuality' },
          naAllowed: false,
          eliminatory: 'grid',
          eliminatoryBelow: 0.5,
          tiers: [
            { from: 0, to: 0.8, points: 1 },
            { from: 0.8, points: 2 },
          ],
        },
        {
          id: 'calm',
          label: 'Calme',
          weight: 1,
          kind: 'manual',
          scale: 'yesNo',
          naAllowed: false,
          tiers: [
            { from: 0, to: 1, points: 0 },
            { from: 1, points: 1 },
          ],
        },
      ],
    },
  ],
});

const kpis = {
  serviceQuality: null,
  contactsPerHour: 3,
  ahtSec: 200,
  fcr: null,
  appointmentsPerCall: null,
  salesPerAppointment: null,
  revenueCents: 0,
  csat: null,
  punctuality: null,
};

describe('evaluation scoring in the API', () => {
  it('pre-fills the KPI criteria only and scores once every criterion has a value', () => {
    const values = kpiValues(grid, { ...kpis, serviceQuality: 0.9 });
    expect(values).toEqual({ qs: 0.9 });
    expect(missingCriterion(grid, values)?.id).toBe('calm');
    expect(scoreIfComplete(grid, values)).toEqual({ score: null, scoreBp: null });
    // (2/2 + 1/1) / 2 → 10000.
    expect(scoreIfComplete(grid, { ...values, calm: 1 }).scoreBp).toBe(10_000);
  });

  it('scores a KPI figure N/A where N/A is not allowed in no tier, without eliminating, and says so', () => {
    const { score, scoreBp } = scoreIfComplete(grid, { qs: null, calm: 1 });
    // (0/2 + 1/1) / 2 → 5000, not 0: a missing figure is not an eliminatory value.
    expect(scoreBp).toBe(5000);
    expect(score?.eliminatedBy).toBeNull();
    expect(score?.criteria[0]).toMatchObject({ value: null, tier: null, points: 0, na: 'noData', range: null });
    expect(score?.criteria[0]?.explanation).toContain('N/A (no data in the period) where N/A is not allowed');
  });

  it('refuses a KPI value from a supervisor, N/A where not allowed and a value off the scale', () => {
    expect(() => checkValues(grid, { qs: 1 }, false)).toThrow(EvaluationInputError);
    expect(() => checkValues(grid, { qs: 1 }, true)).not.toThrow();
    expect(() => checkValues(grid, { calm: null }, false)).toThrow('calm: N/A is not allowed');
    expect(() => checkValues(grid, { calm: 2 }, false)).toThrow('calm: 2 is off the scale');
    expect(() => checkValues(grid, { other: 1 }, false)).toThrow('other: not a criterion of this grid');
  });
});
