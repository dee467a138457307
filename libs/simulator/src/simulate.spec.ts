import { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from './expected-figures.js';
import { LiveSimulation } from './live-simulation.js';
import { toQueueLogLines } from './queue-log-writer.js';
import { simulate } from './simulate.js';

const OPTS = { site: 'demo', seed: 7, startMs: Date.UTC(2026, 1, 10, 7) };

describe(simulate.name, () => {
  const events = simulate(OPTS);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(simulate(OPTS).slice(0, 1000)).toEqual(events.slice(0, 1000));
    expect(simulate({ ...OPTS, seed: 8 }).slice(0, 50)).not.toEqual(events.slice(0, 50));
  });

  it('produces valid events in time order with unique ids', () => {
    events.forEach((e) => VigieEvent.parse(e));
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('looks like a real floor at scale 1', () => {
    const rows = expectedFigures(events, 'Europe/Paris');
    const offered = rows.reduce((a, r) => a + r.offered, 0);
    const answered = rows.reduce((a, r) => a + r.answered, 0);
    expect(offered).toBeGreaterThan(1200);
    expect(offered).toBeLessThan(1900);
    expect(answered / offered).toBeGreaterThan(0.7);
    expect(answered / offered).toBeLessThan(0.97);
    const paused = events.filter((e) => e.type === 'agent.paused');
    expect(paused.length).toBeGreaterThan(50);
    expect(new Set(paused.map((e) => (e.type === 'agent.paused' ? e.reason : '')))).toEqual(
      new Set(['Pause', 'Formation', 'Repas']),
    );
  });

  it('never gives an agent two contacts at once, nor one while paused or logged out', () => {
    const talking = new Map<string, string>();
    const paused = new Set<string>();
    const logged = new Set<string>();
    for (const e of events) {
      if (e.type === 'agent.logged_in') {
        logged.add(e.agent);
      } else if (e.type === 'agent.logged_out') {
        logged.delete(e.agent);
      } else if (e.type === 'agent.paused') {
        expect(talking.has(e.agent)).toBe(false);
        paused.add(e.agent);
      } else if (e.type === 'agent.ready') {
        paused.delete(e.agent);
      } else if (e.type === 'contact.answered') {
        expect([talking.has(e.agent), paused.has(e.agent), logged.has(e.agent)]).toEqual([false, false, true]);
        talking.set(e.agent, e.contactId);
      } else if (e.type === 'contact.ended' || e.type === 'contact.transferred') {
        expect(talking.get(e.agent)).toBe(e.contactId);
        talking.delete(e.agent);
      }
    }
  });

  it('writes queue_log lines as Asterisk does: PAUSEALL then one PAUSE per queue of the agent', () => {
    const lines = toQueueLogLines(events);
    const pauseAll = lines.filter((l) => l.includes('|PAUSEALL|'));
    expect(pauseAll.length).toBe(events.filter((e) => e.type === 'agent.paused').length);
    const first = lines.indexOf(pauseAll[0]!);
    expect(lines[first + 1]).toMatch(/\|PAUSE\|/);
    expect(lines.filter((l) => l.includes('|ENTERQUEUE|')).length).toBe(
      events.filter((e) => e.type === 'contact.queued' && e.channel === 'voice').length,
    );
  });
});

describe(LiveSimulation.name, () => {
  it('hands out every event exactly once as the clock moves', () => {
    const all = simulate(OPTS);
    const live = new LiveSimulation(OPTS);
    const seen = [...live.takeDue(OPTS.startMs + 3600_000), ...live.takeDue(OPTS.startMs + 3600_000)];
    seen.push(...live.takeDue(OPTS.startMs + 5 * 3600_000), ...live.takeDue(Number.MAX_SAFE_INTEGER));
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(live.done).toBe(true);
  });
});
