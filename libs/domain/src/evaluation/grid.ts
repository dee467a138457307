import type { Criterion, EvaluationValues, Grid } from '@vigie/protocol';
import { divRoundHalfUp } from './rounding.js';

/** Basis points of the maximum score: 10 000 = 100.00/100. */
export const FULL_SCORE_BP = 10_000;

/** A value the grid cannot score (missing, N/A where not allowed, off the scale, unknown criterion). */
export class EvaluationInputError extends Error {
  override readonly name = 'EvaluationInputError';
  constructor(
    readonly criterionId: string,
    message: string,
  ) {
    super(`${criterionId}: ${message}`);
  }
}

/** The version in force when the period opened: the latest `validFrom` ≤ `periodStartMs` (versions of one grid). */
export function gridVersionFor(versions: readonly Grid[], periodStartMs: number): Grid | null {
  let inForce: Grid | null = null;
  for (const grid of versions) {
    const later =
      !inForce ||
      grid.validFrom > inForce.validFrom ||
      (grid.validFrom === inForce.validFrom && grid.version > inForce.version);
    if (grid.validFrom <= periodStartMs && later) {
      inForce = grid;
    }
  }
  return inForce;
}

/** Index of the tier `[from, to)` holding `value`, or `null` when it falls in none. */
export function findTier(tiers: readonly { from: number; to?: number | undefined }[], value: number): number | null {
  const i = tiers.findIndex((t) => value >= t.from && (t.to === undefined || value < t.to));
  return i < 0 ? null : i;
}

export interface CriterionScore {
  readonly sectionId: string;
  readonly criterionId: string;
  readonly label: string;
  readonly weight: number;
  /** `null`: N/A, left out of the section's denominator. */
  readonly value: number | null;
  /** Index of the tier hit, `null` when N/A or in no tier (0 points). */
  readonly tier: number | null;
  readonly points: number;
  /** The best tier's points: the criterion counts `points / maxPoints` of its weight. */
  readonly maxPoints: number;
  /** Set when the value is below `eliminatoryBelow`. */
  readonly eliminates: 'section' | 'grid' | null;
  /**
   * Why `value` is `null`: `leftOut` (N/A allowed, left out of the denominator) or `noData` (a KPI figure with no
   * data where N/A is not allowed: no tier, 0 points, counted; set by the API's scoring); `null` with a value.
   */
  readonly na: 'leftOut' | 'noData' | null;
  /** The bounds `[from, to)` of the tier hit (`to: null`: no upper bound); `null` in no tier. */
  readonly range: { readonly from: number; readonly to: number | null } | null;
  /** The criterion's target shown to the agent, if any. */
  readonly target: number | null;
  /** The criterion's eliminatory threshold, if any (it eliminates when `eliminates` is set). */
  readonly eliminatoryBelow: number | null;
  /**
   * The same in English, as stored with the revision (audit text); `na`, `range`, `target` and `eliminatoryBelow`
   * with the fields above say it in any language.
   */
  readonly explanation: string;
}

export interface SectionScore {
  readonly sectionId: string;
  readonly label: string;
  readonly weight: number;
  /** Rounded for display; `null` when every criterion is N/A (the section is left out of the grid). */
  readonly scoreBp: number | null;
  /** The eliminatory criterion that zeroed the section (or the grid). */
  readonly eliminatedBy: string | null;
}

export interface EvaluationScore {
  readonly gridId: string;
  readonly gridVersion: number;
  /**
   * Σ section weight × section score / Σ weights of the sections not all N/A, where a section's score is
   * Σ weight × points / maxPoints / Σ weights of its criteria not N/A; computed as an exact fraction and rounded
   * once, halves up, to basis points. `null` when everything is N/A.
   */
  readonly scoreBp: number | null;
  readonly eliminatedBy: string | null;
  readonly sections: readonly SectionScore[];
  readonly criteria: readonly CriterionScore[];
}

/** An exact non-negative fraction. */
interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Fraction = { n: 0n, d: 1n };

function addWeighted(sum: Fraction, weight: number, f: Fraction): Fraction {
  return { n: sum.n * f.d + BigInt(weight) * f.n * sum.d, d: sum.d * f.d };
}

function toBp(f: Fraction, weightSum: number): number {
  return Number(divRoundHalfUp(f.n * BigInt(FULL_SCORE_BP), f.d * BigInt(weightSum)));
}

/** Scores an evaluation's values on a grid, with one explanation per criterion. */
export function scoreEvaluation(grid: Grid, values: EvaluationValues): EvaluationScore {
  const known = new Set(grid.sections.flatMap((s) => s.criteria.map((c) => c.id)));
  const unknown = Object.keys(values).find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new EvaluationInputError(unknown, 'not a criterion of this grid');
  }
  const criteria: CriterionScore[] = [];
  const sections: SectionScore[] = [];
  let total = ZERO;
  let totalWeight = 0;
  let gridEliminatedBy: string | null = null;
  for (const section of grid.sections) {
    const scored = section.criteria.map((c) => scoreCriterion(section.id, c, values[c.id]));
    criteria.push(...scored);
    const counted = scored.filter((c) => c.value !== null);
    const eliminatedBy = scored.find((c) => c.eliminates !== null)?.criterionId ?? null;
    gridEliminatedBy ??= scored.find((c) => c.eliminates === 'grid')?.criterionId ?? null;
    const weight = counted.reduce((a, c) => a + c.weight, 0);
    const raw = counted.reduce(
      (sum, c) => addWeighted(sum, c.weight, { n: BigInt(c.points), d: BigInt(c.maxPoints) }),
      ZERO,
    );
    const score = eliminatedBy !== null || weight === 0 ? ZERO : { n: raw.n, d: raw.d * BigInt(weight) };
    sections.push({
      sectionId: section.id,
      label: section.label,
      weight: section.weight,
      scoreBp: weight === 0 ? null : toBp(score, 1),
      eliminatedBy,
    });
    if (weight > 0) {
      total = addWeighted(total, section.weight, score);
      totalWeight += section.weight;
    }
  }
  const scoreBp = gridEliminatedBy !== null ? 0 : totalWeight === 0 ? null : toBp(total, totalWeight);
  return { gridId: grid.id, gridVersion: grid.version, scoreBp, eliminatedBy: gridEliminatedBy, sections, criteria };
}

function scoreCriterion(sectionId: string, c: Criterion, value: number | null | undefined): CriterionScore {
  const maxPoints = Math.max(...c.tiers.map((t) => t.points));
  const base = {
    sectionId,
    criterionId: c.id,
    label: c.label,
    weight: c.weight,
    maxPoints,
    target: c.target ?? null,
    eliminatoryBelow: c.eliminatoryBelow ?? null,
  };
  if (value === undefined) {
    throw new EvaluationInputError(c.id, 'no value (use null for N/A)');
  }
  if (value === null) {
    if (!c.naAllowed) {
      throw new EvaluationInputError(c.id, 'N/A is not allowed');
    }
    const explanation = `${c.label}: N/A, left out of the denominator`;
    return { ...base, value, tier: null, points: 0, eliminates: null, na: 'leftOut', range: null, explanation };
  }
  checkScale(c, value);
  const tier = findTier(c.tiers, value);
  const points = tier === null ? 0 : (c.tiers[tier]?.points ?? 0);
  const eliminates = c.eliminatoryBelow !== undefined && value < c.eliminatoryBelow ? (c.eliminatory ?? null) : null;
  const hit = tier === null ? undefined : c.tiers[tier];
  const range = hit ? { from: hit.from, to: hit.to ?? null } : null;
  const inTier = tier === null ? 'no tier' : `tier ${tier + 1} ${formatRange(hit)}`;
  const target = c.target === undefined ? '' : ` (target ${c.target})`;
  const elimination = eliminates ? `; below ${c.eliminatoryBelow}: eliminatory, the ${eliminates} scores 0` : '';
  const explanation = `${c.label}: ${value}${target} → ${inTier} → ${points}/${maxPoints} points × weight ${c.weight}${elimination}`;
  return { ...base, value, tier, points, eliminates, na: null, range, explanation };
}

function checkScale(c: Criterion, value: number): void {
  if (c.kind !== 'manual') {
    return;
  }
  const ok = c.scale === 'yesNo' ? value === 0 || value === 1 : value >= c.scale.min && value <= c.scale.max;
  if (!ok) {
    throw new EvaluationInputError(c.id, `${value} is off the scale`);
  }
}

function formatRange(tier: { from: number; to?: number | undefined } | undefined): string {
  return tier ? `[${tier.from}, ${tier.to ?? '∞'})` : '';
}
