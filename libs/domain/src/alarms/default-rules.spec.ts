import { AlarmRule } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { AlarmEvaluator } from './alarm-evaluator.js';
import { DEFAULT_RULES } from './default-rules.js';
import { stretchedFloor, T0 } from './fixtures.js';
import { observe } from './observe.js';

describe('DEFAULT_RULES', () => {
  it('are valid rules, unchanged by the schema', () => {
    for (const rule of DEFAULT_RULES) {
      expect(AlarmRule.parse(rule)).toEqual(rule);
    }
  });

  it('watch a stretched floor: waits, no ready agent, a break running over, rings unanswered, a long call', () => {
    const floor = stretchedFloor();
    const ev = new AlarmEvaluator(DEFAULT_RULES, { timeZone: 'Europe/Paris' });
    const tick = (sec: number) =>
      ev
        .evaluate(T0 + sec * 1000, observe(floor.snapshot(T0 + sec * 1000), 'paris'))
        .map((t) => `${t.ruleId} ${t.subject.kind}:${t.subject.name} ${t.type} ${t.level} (${t.value})`);
    // c2 waits from 10 s with A on a break and B talking: nobody is ready.
    // B missed c1's ring but answered it next: no rings missed in a row any more.
    expect(tick(11)).toEqual([]);
    // The minimum duration (10 s) runs from the first tick that saw the condition.
    expect(tick(20)).toEqual([]);
    expect(tick(21)).toEqual(['no-ready-agent queue:standard raised red (1)']);
    expect(tick(100)).toEqual(['longest-wait queue:standard raised orange (90)']);
    expect(tick(190)).toEqual(['longest-wait queue:standard escalated red (180)']);
    expect(tick(599)).toEqual([]);
    expect(tick(600)).toEqual(['break-overrun agent:A raised orange (600)']);
    expect(tick(900)).toEqual(['break-overrun agent:A escalated red (900)']);
    expect(tick(905)).toEqual(['long-call agent:B raised orange (900)']);
    expect(ev.levels().get('queue:standard')).toEqual({ longestWaitSec: 'red', unservedWaiting: 'red' });
    expect(ev.levels().get('agent:B')).toEqual({
      currentTalkSec: 'orange',
      ringNoAnswerInARow: 'normal',
      idleWhileWaitingSec: 'normal',
    });
  });

  it('clear the wait alarms once the contact is answered and an agent is ready again', () => {
    const floor = stretchedFloor();
    const ev = new AlarmEvaluator(DEFAULT_RULES, { timeZone: 'Europe/Paris' });
    const tick = (sec: number) => ev.evaluate(T0 + sec * 1000, observe(floor.snapshot(T0 + sec * 1000), 'paris'));
    tick(11);
    tick(200);
    floor.apply({ type: 'agent.ready', id: 'r1', site: 'paris', at: new Date(T0 + 300_000).toISOString(), agent: 'A' });
    floor.apply({
      type: 'contact.answered',
      id: 'r2',
      site: 'paris',
      at: new Date(T0 + 301_000).toISOString(),
      contactId: 'c2',
      queue: 'standard',
      agent: 'A',
      waitSec: 291,
    });
    expect(tick(302).map((t) => `${t.ruleId} ${t.type}`)).toEqual(['longest-wait cleared', 'no-ready-agent cleared']);
  });
});
