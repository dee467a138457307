import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { FloorState } from '../kpi/floor-state.js';
import { DEFAULT_ACTION_TYPE_TABLE } from './action-types.js';
import { AlarmEvaluator } from './alarm-evaluator.js';
import { DEFAULT_RULES } from './default-rules.js';
import { evaluateFloor } from './floor-alarms.js';
import { OverdueWatch } from './overdue-watch.js';

const T0 = Date.UTC(2026, 1, 10, 8); // 09:00 in Paris
const queued = (contactId: string, queue: string): VigieEvent => ({
  type: 'contact.queued',
  id: contactId,
  site: 'paris',
  at: new Date(T0).toISOString(),
  contactId,
  queue,
  channel: 'voice',
});
/** The defaults without the idle-agent rule: these tests watch the queues, whose one agent sits ready. */
const QUEUE_RULES = DEFAULT_RULES.filter((r) => r.id !== 'idle-while-waiting');

/** A ready agent in the queue, so only the wait rules fire (not "no ready agent while contacts wait"). */
const ready = (queue: string): VigieEvent => ({
  type: 'agent.logged_in',
  id: `login-${queue}`,
  site: 'paris',
  at: new Date(T0).toISOString(),
  agent: 'A',
  queue,
});

describe(evaluateFloor.name, () => {
  it('turns the longest wait orange at 90 s and red at 180 s with no event arriving, and lists the alarm', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    floor.apply(ready('vip'));
    floor.apply(queued('w', 'vip'));
    const evaluator = new AlarmEvaluator(QUEUE_RULES, { timeZone: 'Europe/Paris' });
    const at = (sec: number) => {
      const snapshot = floor.snapshot(T0 + sec * 1000);
      const transitions = evaluateFloor(snapshot, 'paris', evaluator, T0 + sec * 1000);
      return { snapshot, transitions };
    };

    expect(at(89).snapshot.queues[0]?.levels.longestWaitSec).toBe('normal');
    const orange = at(90);
    expect(orange.snapshot.queues[0]?.levels.longestWaitSec).toBe('orange');
    expect(orange.transitions).toMatchObject([{ type: 'raised', level: 'orange', subject: { name: 'vip' } }]);
    expect(at(179).snapshot.queues[0]?.levels.longestWaitSec).toBe('orange');
    const red = at(180);
    expect(red.snapshot.queues[0]?.levels.longestWaitSec).toBe('red');
    expect(red.transitions).toMatchObject([{ type: 'escalated', level: 'red', previousLevel: 'orange' }]);
    expect(red.snapshot.alarms).toEqual([
      {
        key: 'longest-wait|queue:vip',
        ruleId: 'longest-wait',
        subject: { kind: 'queue', name: 'vip' },
        figure: 'longestWaitSec',
        level: 'red',
        value: 180,
        raisedAt: new Date(T0 + 90_000).toISOString(),
        acknowledged: false,
      },
    ]);
  });

  it('raises an agent missing rings in a row, red at the third, cleared when the agent answers', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    const evaluator = new AlarmEvaluator(DEFAULT_RULES, { timeZone: 'Europe/Paris' });
    const ev = (type: string, sec: number, fields: Record<string, unknown>) =>
      ({
        type,
        id: `${type}${sec}`,
        site: 'paris',
        at: new Date(T0 + sec * 1000).toISOString(),
        ...fields,
      }) as VigieEvent;
    floor.apply(ready('standard'));
    const miss = (sec: number) =>
      floor.apply(
        ev('contact.ring_no_answer', sec, { contactId: `c${sec}`, queue: 'standard', agent: 'A', ringSec: 15 }),
      );
    const seen = (sec: number) =>
      evaluateFloor(floor.snapshot(T0 + sec * 1000), 'paris', evaluator, T0 + sec * 1000).map(
        (t) => `${t.type} ${t.level}`,
      );
    miss(10);
    expect(seen(11)).toEqual(['raised orange']);
    miss(30);
    miss(50);
    expect(seen(51)).toEqual(['escalated red']);
    floor.apply(ev('contact.queued', 60, { contactId: 'x', queue: 'standard', channel: 'voice' }));
    floor.apply(ev('contact.answered', 61, { contactId: 'x', queue: 'standard', agent: 'A', waitSec: 1 }));
    expect(seen(62)).toEqual(['cleared normal']);
  });

  it('gives every subject its levels and orders active alarms most severe first', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    floor.apply(ready('standard'));
    floor.apply(ready('vip'));
    floor.apply(queued('a', 'standard'));
    floor.apply({ ...queued('b', 'vip'), at: new Date(T0 + 100_000).toISOString() });
    const evaluator = new AlarmEvaluator(QUEUE_RULES, { timeZone: 'Europe/Paris' });
    evaluateFloor(floor.snapshot(T0 + 150_000), 'paris', evaluator, T0 + 150_000);
    const snapshot = floor.snapshot(T0 + 200_000);
    evaluateFloor(snapshot, 'paris', evaluator, T0 + 200_000);
    // standard has waited 200 s (red since 180 s), vip 100 s (orange).
    expect(snapshot.alarms.map((a) => [a.subject.name, a.level])).toEqual([
      ['standard', 'red'],
      ['vip', 'orange'],
    ]);
    expect(snapshot.queues[0]?.levels).toEqual({ longestWaitSec: 'red', unservedWaiting: 'normal' });
    expect(snapshot.totals.levels).toEqual({});
    expect(snapshot.agents[0]?.levels).toMatchObject({ currentTalkSec: 'normal' });
    expect(snapshot.channels[0]?.levels).toEqual({});
  });

  it('raises a ready agent taking no call while contacts wait: orange at 45 s, red at 90 s', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    floor.apply(ready('vip'));
    floor.apply({ ...queued('w', 'vip'), at: new Date(T0 + 30_000).toISOString() });
    const evaluator = new AlarmEvaluator(DEFAULT_RULES, { timeZone: 'Europe/Paris' });
    const idle = (sec: number) =>
      evaluateFloor(floor.snapshot(T0 + sec * 1000), 'paris', evaluator, T0 + sec * 1000)
        .filter((t) => t.ruleId === 'idle-while-waiting')
        .map((t) => `${t.type} ${t.level} ${t.value}`);
    // Ready since 0; a call waits from 30 s: the ready time counts, not the wait.
    expect(idle(29)).toEqual([]);
    expect(idle(45)).toEqual(['raised orange 45']);
    expect(idle(90)).toEqual(['escalated red 90']);
  });

  it('raises a contact waiting past its action type delay red, with the escalation, and clears it when answered', () => {
    const floor = new FloorState({ timeZone: 'Europe/Paris' });
    floor.apply(ready('vip'));
    floor.apply({ ...queued('v1', 'vip'), actionType: 'Appel VIP' } as VigieEvent);
    floor.apply({ ...queued('m1', 'vip'), id: 'm1', contactId: 'm1', channel: 'email' } as VigieEvent);
    const evaluator = new AlarmEvaluator([], { timeZone: 'Europe/Paris' });
    const watch = new OverdueWatch();
    const tick = (sec: number) => {
      const snapshot = floor.snapshot(T0 + sec * 1000);
      const overdue = { watch, waiting: floor.waitingContacts(), table: DEFAULT_ACTION_TYPE_TABLE };
      const transitions = evaluateFloor(snapshot, 'paris', evaluator, T0 + sec * 1000, overdue);
      return { snapshot, transitions };
    };
    // VIP call: 1 min at most (past it strictly); the e-mail (Mail Standard, 1 h) is not late.
    expect(tick(60).transitions).toEqual([]);
    const late = tick(61);
    expect(late.transitions).toMatchObject([
      {
        type: 'raised',
        ruleId: 'action-type:Appel VIP',
        subject: { kind: 'contact', name: 'v1' },
        level: 'red',
        value: 61,
        detail: { queue: 'vip', actionType: 'Appel VIP', maxDelaySec: 60, escalation: 'supervisor' },
      },
    ]);
    expect(late.snapshot.alarms).toMatchObject([{ key: 'action-type:Appel VIP|contact:v1', level: 'red' }]);
    expect(tick(62).transitions).toEqual([]);
    floor.apply({
      type: 'contact.answered',
      id: 'ans',
      site: 'paris',
      at: new Date(T0 + 63_000).toISOString(),
      contactId: 'v1',
      queue: 'vip',
      agent: 'A',
      waitSec: 63,
    });
    expect(tick(64).transitions).toMatchObject([{ type: 'cleared', subject: { name: 'v1' }, previousLevel: 'red' }]);
  });
});
