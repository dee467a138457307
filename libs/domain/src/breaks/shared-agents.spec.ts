import { describe, expect, it } from 'vitest';
import { effectiveAgents, effectiveAgentsByQueue, type StaffedAgent } from './shared-agents.js';

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

describe(effectiveAgentsByQueue.name, () => {
  it('gives every queue what effectiveAgents gives it, on a multi-skill floor', () => {
    const queues = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    // 60 agents serving one to three queues in a fixed pattern; loads of 0 to 6 erlangs.
    const floor = agents(
      Array.from({ length: 60 }, (_, i) =>
        queues.filter(
          (_, k) => k === i % 7 || (i % 3 === 0 && k === (i + 2) % 7) || (i % 5 === 0 && k === (i + 4) % 7),
        ),
      ),
    );
    const erlangs = new Map(queues.map((q, k) => [q, k * 1.1]));
    const all = effectiveAgentsByQueue(floor, erlangs);
    for (const q of queues) {
      expect(all.get(q) ?? 0, q).toBe(effectiveAgents(q, floor, erlangs));
    }
  });
});
