import { BreakPolicy } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_POLICY, reasonPolicy } from './policy.js';

describe('DEFAULT_BREAK_POLICY', () => {
  it('is a valid policy for the schema', () => {
    expect(BreakPolicy.parse(DEFAULT_BREAK_POLICY)).toEqual(DEFAULT_BREAK_POLICY);
  });

  it('refuses a goal of 100 % and a negative limit, naming them', () => {
    const bad = {
      ...DEFAULT_BREAK_POLICY,
      serviceLevel: { targetSec: 20, goal: 1 },
      minReadyAgents: { perQueue: { vip: -1 }, default: 1 },
    };
    const paths = BreakPolicy.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['minReadyAgents.perQueue.vip', 'serviceLevel.goal']);
  });
});

describe(reasonPolicy.name, () => {
  it.each([
    { reason: 'Repas', expected: { reason: 'Repas', maxSec: 3600, paid: false, rest: true } },
    { reason: null, expected: { reason: 'Pause', maxSec: 900, paid: true, rest: true } },
    { reason: 'Toilettes', expected: { reason: 'Toilettes', maxSec: 900, paid: false, rest: true } },
  ])('reads $reason as $expected', ({ reason, expected }) => {
    expect(reasonPolicy(DEFAULT_BREAK_POLICY, reason)).toEqual(expected);
  });
});
