import { AlarmRule, type AlarmRuleInput } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { AlarmEvaluator } from './alarm-evaluator.js';
import { indexObservations, observation, type Observations } from './observe.js';

const T0 = Date.UTC(2026, 1, 10, 8); // Tuesday 09:00 in Paris
const PARIS = { timeZone: 'Europe/Paris' };

const rule = (over: Partial<AlarmRuleInput> = {}): AlarmRule =>
  AlarmRule.parse({
    id: 'wait',
    figure: 'longestWaitSec',
    scope: { kind: 'queue' },
    direction: 'above',
    orange: 90,
    red: 180,
    ...over,
  });

const queues = (values: Record<string, number | null>, figure = 'longestWaitSec'): Observations =>
  indexObservations(Object.entries(values).map(([name, v]) => observation('queue', name, { [figure]: v })));

/** Feeds one value per second to queue "standard" from T0 and lists the transitions as `sec type level`. */
function run(evaluator: AlarmEvaluator, values: readonly (number | null)[], figure?: string): string[] {
  return values.flatMap((v, sec) =>
    evaluator
      .evaluate(T0 + sec * 1000, queues({ standard: v }, figure))
      .map((t) => `${(t.atMs - T0) / 1000} ${t.type} ${t.level}`),
  );
}

const repeat = (value: number | null, times: number) => Array<number | null>(times).fill(value);

describe(AlarmEvaluator.name, () => {
  it('raises at the bound (inclusive) with no minimum duration, and carries what happened', () => {
    const ev = new AlarmEvaluator([rule()], PARIS);
    expect(ev.evaluate(T0, queues({ standard: 89 }))).toEqual([]);
    expect(ev.evaluate(T0 + 1000, queues({ standard: 90 }))).toEqual([
      {
        type: 'raised',
        key: 'wait|queue:standard',
        ruleId: 'wait',
        subject: { kind: 'queue', name: 'standard' },
        figure: 'longestWaitSec',
        value: 90,
        level: 'orange',
        previousLevel: 'normal',
        atMs: T0 + 1000,
      },
    ]);
  });

  it('never fires on a spike shorter than the minimum duration', () => {
    const ev = new AlarmEvaluator([rule({ minDurationSec: 10 })], PARIS);
    expect(run(ev, [50, ...repeat(200, 9), 50, ...repeat(95, 9), 50])).toEqual([]);
  });

  it('raises once the condition has held for the minimum duration', () => {
    const ev = new AlarmEvaluator([rule({ minDurationSec: 10 })], PARIS);
    expect(run(ev, [50, ...repeat(95, 12)])).toEqual(['11 raised orange']);
  });

  it('needs the red condition held for the minimum duration too before escalating', () => {
    const ev = new AlarmEvaluator([rule({ minDurationSec: 10 })], PARIS);
    // Orange from 0 (raised at 10), red from 15: escalated at 25, not at 15.
    expect(run(ev, [...repeat(95, 15), ...repeat(200, 12)])).toEqual(['10 raised orange', '25 escalated red']);
  });

  it('raises straight to red when both conditions held for the minimum duration', () => {
    const ev = new AlarmEvaluator([rule({ minDurationSec: 5 })], PARIS);
    expect(run(ev, repeat(200, 7))).toEqual(['5 raised red']);
  });

  it('does not flap when the value oscillates around the bound within the hysteresis', () => {
    const oscillating = [91, 85, 92, 88, 81, 93, 80, 79, 95];
    expect(run(new AlarmEvaluator([rule({ hysteresis: 10 })], PARIS), oscillating)).toEqual([
      '0 raised orange',
      '7 cleared normal',
      '8 raised orange',
    ]);
    // Without hysteresis the same series flaps on every crossing.
    expect(run(new AlarmEvaluator([rule()], PARIS), oscillating)).toHaveLength(7);
  });

  it('escalates, de-escalates past red minus the hysteresis, then clears past orange minus it', () => {
    const ev = new AlarmEvaluator([rule({ hysteresis: 10 })], PARIS);
    expect(run(ev, [100, 185, 175, 170, 169, 185, 85, 80, 79])).toEqual([
      '0 raised orange',
      '1 escalated red',
      '4 deescalated orange',
      '5 escalated red',
      '6 deescalated orange',
      '8 cleared normal',
    ]);
  });

  it("handles 'below' rules (service level): lower is worse", () => {
    const ev = new AlarmEvaluator(
      [rule({ figure: 'serviceLevel', direction: 'below', orange: 0.8, red: 0.6, hysteresis: 0.05 })],
      PARIS,
    );
    expect(run(ev, [0.85, 0.8, 0.84, 0.6, 0.64, 0.66, 0.9], 'serviceLevel')).toEqual([
      '1 raised orange',
      '3 escalated red',
      '5 deescalated orange',
      '6 cleared normal',
    ]);
  });

  it('clears when the figure has no value, and when the subject leaves the floor', () => {
    const ev = new AlarmEvaluator([rule()], PARIS);
    expect(run(ev, [100, null])).toEqual(['0 raised orange', '1 cleared normal']);
    ev.evaluate(T0 + 10_000, queues({ standard: 100, other: 200 }));
    const gone = ev.evaluate(T0 + 11_000, queues({ standard: 100 }));
    expect(gone).toMatchObject([{ type: 'cleared', subject: { name: 'other' }, previousLevel: 'red', value: null }]);
  });

  it('restarts a pending minimum duration when the subject disappears meanwhile', () => {
    const ev = new AlarmEvaluator([rule({ minDurationSec: 3 })], PARIS);
    ev.evaluate(T0, queues({ standard: 100 }));
    ev.evaluate(T0 + 1000, queues({}));
    expect(ev.evaluate(T0 + 3000, queues({ standard: 100 }))).toEqual([]);
    expect(ev.evaluate(T0 + 6000, queues({ standard: 100 }))).toMatchObject([{ type: 'raised' }]);
  });

  it('keeps an acknowledged alarm active; a red escalation needs a new acknowledgement', () => {
    const ev = new AlarmEvaluator([rule()], PARIS);
    expect(ev.acknowledge('wait|queue:standard')).toBe(false);
    ev.evaluate(T0, queues({ standard: 100 }));
    expect(ev.acknowledge('wait|queue:standard')).toBe(true);
    expect(ev.evaluate(T0 + 1000, queues({ standard: 120 }))).toEqual([]);
    expect(ev.active()).toEqual([
      {
        key: 'wait|queue:standard',
        ruleId: 'wait',
        subject: { kind: 'queue', name: 'standard' },
        figure: 'longestWaitSec',
        level: 'orange',
        value: 120,
        raisedAtMs: T0,
        acknowledged: true,
      },
    ]);
    ev.evaluate(T0 + 2000, queues({ standard: 200 }));
    expect(ev.active()).toMatchObject([{ level: 'red', acknowledged: false }]);
    ev.evaluate(T0 + 3000, queues({ standard: 0 }));
    expect(ev.active()).toEqual([]);
    expect(ev.acknowledge('wait|queue:standard')).toBe(false);
  });

  it('gives the level of every figure that has a rule, normal included, the worst when two rules meet', () => {
    const ev = new AlarmEvaluator(
      [rule(), rule({ id: 'wait-strict', orange: 30, red: 60, scope: { kind: 'queue', name: 'vip' } })],
      PARIS,
    );
    expect(ev.levels()).toEqual(new Map());
    ev.evaluate(T0, queues({ standard: 100, vip: 45, sales: 10 }));
    expect(ev.levels()).toEqual(
      new Map([
        ['queue:standard', { longestWaitSec: 'orange' }],
        ['queue:vip', { longestWaitSec: 'orange' }],
        ['queue:sales', { longestWaitSec: 'normal' }],
      ]),
    );
  });

  it('lets a rule on a named target override the rule on all targets of that kind', () => {
    const ev = new AlarmEvaluator(
      [rule(), rule({ id: 'vip', orange: 30, red: 60, scope: { kind: 'queue', name: 'vip' } })],
      PARIS,
    );
    const t = ev.evaluate(T0, queues({ standard: 100, vip: 100 }));
    expect(t.map((x) => `${x.ruleId} ${x.subject.name} ${x.level}`)).toEqual(['wait standard orange', 'vip vip red']);
  });

  it('watches paused agents by pause reason; a reasonless pause counts for a rule on all reasons', () => {
    const pauseRule = (id: string, name?: string) =>
      rule({ id, figure: 'currentPauseSec', scope: { kind: 'pauseReason', name }, orange: 600, red: 900 });
    const ev = new AlarmEvaluator([pauseRule('break', 'Pause'), pauseRule('any')], PARIS);
    const agents = indexObservations([
      observation('agent', 'A', { currentPauseSec: 700 }, 'Pause'),
      observation('agent', 'B', { currentPauseSec: 700 }, 'Déjeuner'),
      observation('agent', 'C', { currentPauseSec: 700 }, ''),
      observation('agent', 'D', { currentPauseSec: 0 }, null),
    ]);
    const t = ev.evaluate(T0, agents);
    expect(t.map((x) => `${x.ruleId} ${x.subject.kind}:${x.subject.name}`)).toEqual([
      'break agent:A',
      'any agent:B',
      'any agent:C',
    ]);
  });

  it('refuses duplicate rule ids and unknown time zones', () => {
    expect(() => new AlarmEvaluator([rule(), rule()], PARIS)).toThrow(/duplicate alarm rule id "wait"/);
    expect(() => new AlarmEvaluator([rule()], { timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });

  it('evaluates 10,000 rules in one pass and keeps state only for pairs past a bound', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `q${i}`);
    const ev = new AlarmEvaluator(
      names.map((name) => rule({ id: name, scope: { kind: 'queue', name } })),
      PARIS,
    );
    const obs = queues(Object.fromEntries(names.map((name, i) => [name, i % 100])));
    for (let tick = 0; tick < 5; tick += 1) {
      expect(ev.evaluate(T0 + tick * 1000, obs)).toHaveLength(tick === 0 ? 1_000 : 0);
    }
    expect(ev.active()).toHaveLength(1_000);
    expect(ev.levels().size).toBe(10_000);
  });
});
