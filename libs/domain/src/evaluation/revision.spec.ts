import type { Evaluation } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { LockedError, assertEditable, editEvaluation, lock, revise } from './revision.js';

const draft: Evaluation = {
  id: 'ev-a2-2026-03',
  revision: 1,
  supersedes: null,
  agentId: 'a2',
  gridId: 'grid-conseil',
  gridVersion: 2,
  periodStartMs: Date.UTC(2026, 2, 1),
  periodEndMs: Date.UTC(2026, 3, 1),
  values: { instructions: 3, punctuality: 1 },
  author: { by: 'sup-1', atMs: Date.UTC(2026, 3, 1, 8) },
  reason: null,
  locked: null,
};

describe(lock.name, () => {
  it('validates a copy and leaves the draft untouched', () => {
    const validated = lock(draft, 'evaluation', 'sup-1', Date.UTC(2026, 3, 1, 9));
    expect(validated.locked).toEqual({ by: 'sup-1', atMs: Date.UTC(2026, 3, 1, 9) });
    expect(draft.locked).toBeNull();
  });
});

describe(editEvaluation.name, () => {
  it('edits a draft and refuses a validated evaluation with a typed error', () => {
    expect(editEvaluation(draft, { instructions: 4 }).values).toEqual({ instructions: 4, punctuality: 1 });
    const validated = lock(draft, 'evaluation', 'sup-1', Date.UTC(2026, 3, 1, 9));
    expect(() => editEvaluation(validated, { instructions: 4 })).toThrow(LockedError);
    try {
      assertEditable(validated, 'evaluation ev-a2-2026-03');
    } catch (error) {
      expect(error).toMatchObject({ name: 'LockedError', what: 'evaluation ev-a2-2026-03', lockedBy: 'sup-1' });
    }
  });
});

describe(revise.name, () => {
  it('chains revisions, each superseding the previous one, all kept', () => {
    const r1 = lock(draft, 'evaluation', 'sup-1', 1);
    const r2 = lock(revise(r1, { values: { instructions: 4 }, reason: 'recours' }, 'rh-1', 2), 'evaluation', 'rh-1', 3);
    const r3 = revise(r2, { values: { punctuality: null }, reason: 'badgeuse en panne' }, 'rh-2', 4);
    expect([r1, r2, r3].map((r) => [r.revision, r.supersedes, r.values, r.locked?.by ?? null])).toEqual([
      [1, null, { instructions: 3, punctuality: 1 }, 'sup-1'],
      [2, 1, { instructions: 4, punctuality: 1 }, 'rh-1'],
      [3, 2, { instructions: 4, punctuality: null }, null],
    ]);
  });
});
