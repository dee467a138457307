import { ALARM_FIGURES, PAUSE_BY_REASON_PREFIX, type AlarmScopeKind } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { stretchedSnapshot } from './fixtures.js';
import { indexObservations, observation, observe } from './observe.js';

describe(observe.name, () => {
  const obs = observe(stretchedSnapshot(700), 'paris');
  const figures = (key: string) => obs.byKey.get(key)?.figures;

  it('gives one subject per site, queue, team, channel and logged-in agent', () => {
    expect([...obs.byKey.keys()]).toEqual([
      'site:paris',
      'queue:standard',
      'team:Équipe A',
      'channel:voice',
      'agent:A',
      'agent:B',
    ]);
  });

  it('flattens live rows into figures and derives unserved waiting', () => {
    expect(figures('queue:standard')).toMatchObject({
      waiting: 1,
      longestWaitSec: 690,
      'agents.ready': 0,
      'agents.paused': 1,
      unservedWaiting: 1,
      serviceLevel: 1,
      slTargetSec: 20,
    });
    expect(figures('site:paris')).toMatchObject({ waiting: 1, unservedWaiting: 1, 'agents.talking': 1 });
    expect(figures('channel:voice')).toMatchObject({ waiting: 1, oldestWaitSec: 690 });
  });

  it('gives agents their time in the current state, pause and call, and the pause reason', () => {
    expect(figures('agent:A')).toMatchObject({
      stateSec: 700,
      currentPauseSec: 700,
      currentTalkSec: 0,
      'pauseByReason.Pause': 700,
    });
    expect(obs.byKey.get('agent:A')?.pauseReason).toBe('Pause');
    expect(figures('agent:B')).toMatchObject({ currentPauseSec: 0, currentTalkSec: 695, ringNoAnswer: 1 });
    expect(obs.byKey.get('agent:B')?.pauseReason).toBeNull();
  });

  it('produces exactly the figures rules may name', () => {
    for (const o of obs.byKey.values()) {
      const kind = o.subject.kind as AlarmScopeKind;
      const named = Object.keys(o.figures).filter((f) => !f.startsWith(PAUSE_BY_REASON_PREFIX));
      expect(new Set(named), o.key).toEqual(new Set(ALARM_FIGURES[kind]));
    }
  });

  it('does not derive unserved waiting when an agent is ready', () => {
    const snap = stretchedSnapshot(700);
    const queue = snap.queues[0];
    if (queue) {
      queue.agents.ready = 1;
    }
    expect(observe(snap, 'paris').byKey.get('queue:standard')?.figures.unservedWaiting).toBe(0);
  });
});

describe(indexObservations.name, () => {
  it('indexes by kind and key, a later observation of a subject replacing the earlier', () => {
    const obs = indexObservations([
      observation('queue', 'a', { waiting: 1 }),
      observation('queue', 'b', { waiting: 2 }),
      observation('queue', 'a', { waiting: 3 }),
    ]);
    expect(obs.byKind.queue.map((o) => `${o.subject.name}=${o.figures.waiting}`)).toEqual(['b=2', 'a=3']);
    expect(obs.byKey.get('queue:a')?.figures.waiting).toBe(3);
  });
});
