import type { Evaluation, EvaluationValues, Stamp } from '@vigie/protocol';

/** Validated evaluations and pay runs are locked: once `locked` is set, they are never edited again. */
export interface Lockable {
  readonly locked: Stamp | null;
}

/** An edit (or a second lock) of something locked. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor(
    readonly what: string,
    readonly lockedBy: string,
    readonly lockedAtMs: number,
  ) {
    super(`${what} was locked by ${lockedBy} at ${new Date(lockedAtMs).toISOString()}`);
  }
}

/** Throws a `LockedError` naming `what` if `item` is locked. */
export function assertEditable(item: Lockable, what: string): void {
  if (item.locked) {
    throw new LockedError(what, item.locked.by, item.locked.atMs);
  }
}

/** Validates an evaluation or closes a pay run: a locked copy (the input is untouched). */
export function lock<T extends Lockable>(item: T, what: string, by: string, atMs: number): T {
  assertEditable(item, what);
  return { ...item, locked: { by, atMs } };
}

/** Changes the values of a draft evaluation; a validated one is corrected with `revise`. */
export function editEvaluation(evaluation: Evaluation, values: EvaluationValues): Evaluation {
  assertEditable(evaluation, `evaluation ${evaluation.id} r${evaluation.revision}`);
  return { ...evaluation, values: { ...evaluation.values, ...values } };
}

export interface EvaluationChanges {
  /** Values replaced; the others are carried over from the revision corrected. */
  readonly values: EvaluationValues;
  /** Why (a dispute upheld, a KPI recomputed…): kept with the revision. */
  readonly reason: string;
}

/**
 * A correction: a new draft revision that supersedes `evaluation` and keeps its id. The revision corrected is left
 * as it was (locked revisions stay locked), so the history of an agent's scores reads every version.
 */
export function revise(evaluation: Evaluation, changes: EvaluationChanges, by: string, atMs: number): Evaluation {
  return {
    ...evaluation,
    revision: evaluation.revision + 1,
    supersedes: evaluation.revision,
    values: { ...evaluation.values, ...changes.values },
    author: { by, atMs },
    reason: changes.reason,
    locked: null,
  };
}
