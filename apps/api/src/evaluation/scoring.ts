import { BadRequestException, ConflictException } from '@nestjs/common';
import { EvaluationInputError, LockedError, scoreEvaluation, type EvaluationScore } from '@vigie/domain';
import type { AgentKpiFigure, Criterion, EvaluationValues, Grid } from '@vigie/protocol';

/** Grid-side helpers of the evaluation API: which values a grid needs, and its score once they are all there. */

const criteria = (grid: Grid): Criterion[] => grid.sections.flatMap((s) => s.criteria);

/** The KPI-fed values of a grid from an agent's period figures (`null`: N/A, the figure had no denominator). */
export function kpiValues(grid: Grid, kpis: Record<AgentKpiFigure, number | null>): EvaluationValues {
  const values: EvaluationValues = {};
  for (const c of criteria(grid)) {
    if (c.kind === 'kpi') {
      values[c.id] = kpis[c.kpi.figure] ?? null;
    }
  }
  return values;
}

/** The first criterion with no value yet (manual ones start empty), or null when the evaluation is complete. */
export function missingCriterion(grid: Grid, values: EvaluationValues): Criterion | null {
  return criteria(grid).find((c) => !(c.id in values)) ?? null;
}

/**
 * Checks values a person enters: criteria of the grid, manual ones only unless `kpiToo` (HR's arbitration and
 * revision), N/A where allowed, on the scale. Throws an `EvaluationInputError` naming the criterion.
 */
export function checkValues(grid: Grid, values: EvaluationValues, kpiToo: boolean): void {
  const byId = new Map(criteria(grid).map((c) => [c.id, c]));
  for (const [id, value] of Object.entries(values)) {
    const c = byId.get(id);
    if (!c) {
      throw new EvaluationInputError(id, 'not a criterion of this grid');
    }
    if (c.kind === 'kpi' && !kpiToo) {
      throw new EvaluationInputError(id, 'KPI-fed: refreshed from the event log, or changed by HR');
    }
    if (value === null) {
      if (!c.naAllowed) {
        throw new EvaluationInputError(id, 'N/A is not allowed');
      }
      continue;
    }
    if (c.kind === 'manual') {
      const ok = c.scale === 'yesNo' ? value === 0 || value === 1 : value >= c.scale.min && value <= c.scale.max;
      if (!ok) {
        const scale = c.scale === 'yesNo' ? '0 (no) or 1 (yes)' : `${c.scale.min} to ${c.scale.max}`;
        throw new EvaluationInputError(id, `${value} is off the scale (${scale})`);
      }
    }
  }
}

/**
 * The score once every criterion has a value, else null. A KPI-fed figure that is N/A where the grid does not allow
 * N/A scores in no tier (0 points, counted in the denominator, never eliminatory) and says so.
 */
export function scoreIfComplete(
  grid: Grid,
  values: EvaluationValues,
): { score: EvaluationScore | null; scoreBp: number | null } {
  if (missingCriterion(grid, values)) {
    return { score: null, scoreBp: null };
  }
  const gaps = new Set(
    criteria(grid)
      .filter((c) => c.kind === 'kpi' && !c.naAllowed && values[c.id] === null)
      .map((c) => c.id),
  );
  if (gaps.size === 0) {
    const score = scoreEvaluation(grid, values);
    return { score, scoreBp: score.scoreBp };
  }
  // Score the gaps as a value below every tier of a copy of the criterion that cannot eliminate.
  const patched: Grid = {
    ...grid,
    sections: grid.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) =>
        gaps.has(c.id) ? { ...c, eliminatory: undefined, eliminatoryBelow: undefined } : c,
      ),
    })),
  };
  const filled = { ...values };
  for (const c of criteria(grid).filter((c) => gaps.has(c.id))) {
    filled[c.id] = Math.min(...c.tiers.map((t) => t.from)) - 1;
  }
  const raw = scoreEvaluation(patched, filled);
  const score: EvaluationScore = {
    ...raw,
    criteria: raw.criteria.map((c) =>
      gaps.has(c.criterionId)
        ? {
            ...c,
            value: null,
            tier: null,
            na: 'noData' as const,
            range: null,
            explanation: `${c.label}: N/A (no data in the period) where N/A is not allowed → no tier → 0/${c.maxPoints} points × weight ${c.weight}`,
          }
        : c,
    ),
  };
  return { score, scoreBp: score.scoreBp };
}

/** Domain errors as HTTP: a locked evaluation → 409, a value the grid cannot score → 400 naming the criterion. */
export function asHttpError(error: unknown): unknown {
  if (error instanceof LockedError) {
    return new ConflictException(error.message);
  }
  if (error instanceof EvaluationInputError) {
    const field = `values.${error.criterionId}`;
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `invalid body: ${field}: ${error.message}`,
      details: [{ field, reason: error.message }],
    });
  }
  return error;
}

/** Runs `fn`, turning domain errors into HTTP ones. */
export async function httpErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asHttpError(error);
  }
}
