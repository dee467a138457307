import type { Criterion, Evaluation, Grid } from '@vigie/protocol';
import { Grid as GridSchema } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { EvaluationInputError, gridVersionFor, scoreEvaluation } from './grid.js';
import { lock, revise } from './revision.js';

const yesNo = (
  id: string,
  label: string,
  extra: { eliminatory?: 'section' | 'grid'; eliminatoryBelow?: number } = {},
): Criterion => ({
  id,
  label,
  weight: 1,
  kind: 'manual',
  scale: 'yesNo',
  naAllowed: false,
  tiers: [
    { from: 0, to: 1, points: 0 },
    { from: 1, points: 1 },
  ],
  ...extra,
});

/** Results 60 % (QS, DMT, CSAT), behaviour 40 % (instructions 1–5, punctuality, confidentiality: eliminatory). */
const grid: Grid = GridSchema.parse({
  id: 'grid-conseil',
  version: 2,
  validFrom: Date.UTC(2026, 0, 1),
  label: 'Grille conseiller',
  sections: [
    {
      id: 'results',
      label: 'Résultats',
      weight: 60,
      criteria: [
        {
          id: 'qs',
          label: 'Qualité.Svc',
          weight: 2,
          kind: 'kpi',
          kpi: { figure: 'serviceQuality' },
          naAllowed: false,
          target: 0.85,
          tiers: [
            { from: 0, to: 0.7, points: 0 },
            { from: 0.7, to: 0.8, points: 2 },
            { from: 0.8, to: 0.9, points: 3 },
            { from: 0.9, points: 4 },
          ],
        },
        {
          id: 'dmt',
          label: 'DMT',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'ahtSec' },
          naAllowed: false,
          tiers: [
            { from: 0, to: 240, points: 4 },
            { from: 240, to: 300, points: 3 },
            { from: 300, to: 360, points: 1 },
          ],
        },
        {
          id: 'csat',
          label: 'CSAT',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'csat' },
          naAllowed: true,
          tiers: [
            { from: 0, to: 4, points: 0 },
            { from: 4, points: 2 },
          ],
        },
      ],
    },
    {
      id: 'behaviour',
      label: 'Comportement',
      weight: 40,
      criteria: [
        {
          id: 'instructions',
          label: 'Respect des consignes',
          weight: 1,
          kind: 'manual',
          scale: { min: 1, max: 5 },
          naAllowed: false,
          tiers: [
            { from: 1, to: 2, points: 0 },
            { from: 2, to: 3, points: 1 },
            { from: 3, to: 4, points: 2 },
            { from: 4, to: 5, points: 3 },
            { from: 5, points: 4 },
          ],
        },
        yesNo('punctuality', 'Ponctualité'),
        yesNo('confidentiality', 'Confidentialité', { eliminatory: 'grid', eliminatoryBelow: 1 }),
      ],
    },
  ],
});

const values = { qs: 0.83, dmt: 275, csat: null, instructions: 4, punctuality: 1, confidentiality: 1 };

describe('the Grid schema', () => {
  const criterion = grid.sections[1]!.criteria[0]!;
  it.each([
    {
      change: {
        tiers: [
          { from: 1, to: 3, points: 1 },
          { from: 2, points: 2 },
        ],
      },
      message: 'tiers must be sorted and must not overlap',
    },
    {
      change: {
        tiers: [
          { from: 1, points: 1 },
          { from: 2, points: 2 },
        ],
      },
      message: 'tiers must be sorted and must not overlap',
    },
    { change: { tiers: [{ from: 1, points: 0 }] }, message: 'some tier must give points' },
    { change: { eliminatory: 'grid' }, message: 'eliminatory needs eliminatoryBelow' },
  ])('refuses a criterion where $message', ({ change, message }) => {
    const bad = { ...grid, sections: [{ ...grid.sections[1]!, criteria: [{ ...criterion, ...change }] }] };
    expect(GridSchema.safeParse(bad).error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe(gridVersionFor.name, () => {
  const v1 = { ...grid, version: 1, validFrom: Date.UTC(2025, 0, 1) };
  const v3 = { ...grid, version: 3, validFrom: Date.UTC(2026, 3, 1) };
  it.each([
    { start: Date.UTC(2024, 11, 1), expected: null },
    { start: Date.UTC(2025, 5, 1), expected: 1 },
    { start: Date.UTC(2026, 0, 1), expected: 2 },
    { start: Date.UTC(2026, 2, 31), expected: 2 },
    { start: Date.UTC(2026, 3, 1), expected: 3 },
  ])('scores a period opening at $start on version $expected', ({ start, expected }) => {
    expect(gridVersionFor([v3, grid, v1], start)?.version ?? null).toBe(expected);
  });
});

describe(scoreEvaluation.name, () => {
  it('weighs tiers, leaves N/A out of the denominator and rounds once to basis points', () => {
    // Results: QS 0.83 → tier 3 = 3/4, DMT 275 → tier 2 = 3/4, CSAT N/A (out):
    //   (2 × 3/4 + 1 × 3/4) / (2 + 1) = 2.25 / 3 = 3/4 → 7500 bp.
    // Behaviour: instructions 4 → 3/4, punctuality yes 1/1, confidentiality yes 1/1: (3/4 + 1 + 1) / 3 = 11/12.
    // Grid: (60 × 3/4 + 40 × 11/12) / 100 = (45 + 36.666…) / 100 = 0.81666… → 8166.67 bp → 8167 (81.67/100).
    const score = scoreEvaluation(grid, values);
    expect(score.scoreBp).toBe(8167);
    expect(score.eliminatedBy).toBeNull();
    expect(score.sections.map((s) => s.scoreBp)).toEqual([7500, 9167]);
    expect(score.criteria.map((c) => [c.criterionId, c.tier, c.points, c.maxPoints])).toEqual([
      ['qs', 2, 3, 4],
      ['dmt', 1, 3, 4],
      ['csat', null, 0, 2],
      ['instructions', 3, 3, 4],
      ['punctuality', 1, 1, 1],
      ['confidentiality', 1, 1, 1],
    ]);
    expect(score.criteria[0]?.explanation).toBe(
      'Qualité.Svc: 0.83 (target 0.85) → tier 3 [0.8, 0.9) → 3/4 points × weight 2',
    );
    expect(score.criteria[2]?.explanation).toBe('CSAT: N/A, left out of the denominator');
  });

  it('gives what each explanation says as language-neutral fields', () => {
    const score = scoreEvaluation(grid, values);
    const fields = score.criteria.map((c) => [c.criterionId, c.value, c.na, c.range, c.target, c.eliminatoryBelow]);
    expect(fields).toEqual([
      ['qs', 0.83, null, { from: 0.8, to: 0.9 }, 0.85, null],
      ['dmt', 275, null, { from: 240, to: 300 }, null, null],
      ['csat', null, 'leftOut', null, null, null],
      ['instructions', 4, null, { from: 4, to: 5 }, null, null],
      ['punctuality', 1, null, { from: 1, to: null }, null, null],
      ['confidentiality', 1, null, { from: 1, to: null }, null, 1],
    ]);
    expect(scoreEvaluation(grid, { ...values, dmt: 400 }).criteria[1]).toMatchObject({
      value: 400,
      tier: null,
      range: null,
      na: null,
    });
    expect(scoreEvaluation(grid, { ...values, confidentiality: 0 }).criteria[5]).toMatchObject({
      value: 0,
      tier: 0,
      range: { from: 0, to: 1 },
      eliminatoryBelow: 1,
      eliminates: 'grid',
    });
  });

  it('counts a CSAT scored in no tier as 0 points in the denominator, unlike N/A', () => {
    // Results: (1.5 + 0.75 + 0) / 4 = 0.5625; grid (60 × 0.5625 + 40 × 11/12) / 100 = 0.70416… → 7042.
    expect(scoreEvaluation(grid, { ...values, csat: 3 }).scoreBp).toBe(7042);
  });

  it('gives a DMT past every tier 0 points', () => {
    // Results: (1.5 + 0) / 3 = 1/2; grid (30 + 36.666…) / 100 → 6667.
    const score = scoreEvaluation(grid, { ...values, dmt: 400 });
    expect(score.criteria[1]).toMatchObject({ tier: null, points: 0 });
    expect(score.scoreBp).toBe(6667);
  });

  it('zeroes the grid when a grid-eliminatory criterion fails', () => {
    const score = scoreEvaluation(grid, { ...values, confidentiality: 0 });
    expect(score).toMatchObject({ scoreBp: 0, eliminatedBy: 'confidentiality' });
    expect(score.criteria[5]?.explanation).toContain('eliminatory, the grid scores 0');
  });

  it('zeroes only its section when a section-eliminatory criterion fails', () => {
    // QS 0.55 < 0.6 zeroes Results, which still counts: (60 × 0 + 40 × 11/12) / 100 = 0.36666… → 3667.
    const strict = structuredClone(grid);
    Object.assign(strict.sections[0]?.criteria[0] ?? {}, { eliminatory: 'section', eliminatoryBelow: 0.6 });
    const score = scoreEvaluation(strict, { ...values, qs: 0.55 });
    expect(score.sections[0]).toMatchObject({ scoreBp: 0, eliminatedBy: 'qs' });
    expect(score).toMatchObject({ scoreBp: 3667, eliminatedBy: null });
  });

  it('leaves a section with every criterion N/A out of the grid', () => {
    const onlyCsat = {
      ...grid,
      sections: [grid.sections[0]!, { ...grid.sections[0]!, id: 's2', criteria: [grid.sections[0]!.criteria[2]!] }],
    };
    const score = scoreEvaluation(onlyCsat, { qs: 0.83, dmt: 275, csat: null });
    expect(score.sections[1]?.scoreBp).toBeNull();
    expect(score.scoreBp).toBe(7500);
  });

  it.each([
    { change: { dmt: undefined }, message: 'dmt: no value (use null for N/A)' },
    { change: { qs: null }, message: 'qs: N/A is not allowed' },
    { change: { instructions: 6 }, message: 'instructions: 6 is off the scale' },
    { change: { punctuality: 0.5 }, message: 'punctuality: 0.5 is off the scale' },
    { change: { typo: 1 }, message: 'typo: not a criterion of this grid' },
  ])('refuses $message', ({ change, message }) => {
    const entries = Object.entries({ ...values, ...change });
    const bad = Object.fromEntries(entries.flatMap(([id, v]) => (v === undefined ? [] : [[id, v] as const])));
    expect(() => scoreEvaluation(grid, bad)).toThrow(EvaluationInputError);
    expect(() => scoreEvaluation(grid, bad)).toThrow(message);
  });
});

describe('a dispute upheld by HR', () => {
  it('scores a new linked revision and keeps the validated one as it was', () => {
    const march: Evaluation = {
      id: 'ev-a1-2026-03',
      revision: 1,
      supersedes: null,
      agentId: 'a1',
      gridId: grid.id,
      gridVersion: grid.version,
      periodStartMs: Date.UTC(2026, 2, 1),
      periodEndMs: Date.UTC(2026, 3, 1),
      values: { ...values, punctuality: 0 },
      author: { by: 'sup-1', atMs: Date.UTC(2026, 3, 2) },
      reason: null,
      locked: null,
    };
    const validated = lock(march, 'evaluation', 'sup-1', Date.UTC(2026, 3, 2, 10));
    // Late (punctuality no): behaviour (3/4 + 0 + 1) / 3 = 7/12; grid (45 + 40 × 7/12) / 100 = 0.68333… → 6833.
    expect(scoreEvaluation(grid, validated.values).scoreBp).toBe(6833);

    const reason = 'Retards dus à la grève des transports (justificatifs fournis)';
    const upheld = revise(validated, { values: { punctuality: 1 }, reason }, 'rh-1', Date.UTC(2026, 3, 5));
    // Punctuality yes: back to the worked example, 8167.
    expect(scoreEvaluation(grid, upheld.values).scoreBp).toBe(8167);
    expect(upheld).toMatchObject({ id: march.id, revision: 2, supersedes: 1, reason, locked: null });
    expect(upheld.author).toEqual({ by: 'rh-1', atMs: Date.UTC(2026, 3, 5) });
    expect(validated).toMatchObject({ revision: 1, values: { punctuality: 0 }, locked: { by: 'sup-1' } });
  });
});
