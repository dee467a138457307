import { describe, expect, it } from 'vitest';
import { effectiveAgents, type StaffedAgent } from './shared-agents.js';

const agents = (skills: string[][]): StaffedAgent[] => skills.map((queues, i) => ({ agent: `a${i}`, queues }));

describe(effectiveAgents.name, () => {
  it('counts every agent when each serves one queue', () => {
    const floor = agents([['a'], ['a'], ['a'], ['b']]);
    expect(
      effectiveAgents(
        'a',
        floor,
        new Map([
          ['a', 2],
          ['b', 0.8],
        ]),
      ),
    ).toBe(3);
  });

  it('takes off the load its agents carry for the other queues they serve', () => {
    // Queue b (2 erlangs) is served by 4 agents, 3 of whom also serve a: 1.5 erlangs of a's 5 agents go to b.
    const floor = agents([['a', 'b'], ['a', 'b'], ['a', 'b'], ['a'], ['a'], ['b']]);
    const erlangs = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(effectiveAgents('a', floor, erlangs)).toBe(3);
    // b's 4 agents carry 3/5 of a's 1 erlang: 3.4, rounded down.
    expect(effectiveAgents('b', floor, erlangs)).toBe(3);
    expect(effectiveAgents('c', floor, erlangs)).toBe(0);
  });
});
