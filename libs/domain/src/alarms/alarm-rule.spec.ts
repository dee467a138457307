import { AlarmRule, type AlarmRuleInput } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';

const valid: AlarmRuleInput = {
  id: 'wait',
  figure: 'longestWaitSec',
  scope: { kind: 'queue' },
  direction: 'above',
  orange: 90,
  red: 180,
};

/** The messages of a refused rule, as `path: message`. */
function problems(input: unknown): string[] {
  const result = AlarmRule.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('AlarmRule (schema)', () => {
  it('accepts a rule and fills in the defaults', () => {
    expect(AlarmRule.parse(valid)).toEqual({ ...valid, minDurationSec: 0, hysteresis: 0 });
  });

  it.each<[string, Partial<AlarmRuleInput>]>([
    ['a red-only rule on a derived figure', { figure: 'unservedWaiting', orange: undefined, red: 1 }],
    ['a nested figure', { figure: 'agents.ready', direction: 'below', orange: 2, red: 0 }],
    ['a current-interval figure', { figure: 'current15.serviceLevel', direction: 'below', orange: 0.8, red: 0.6 }],
    ['a pause-reason figure on agents', { figure: 'pauseByReason.Déjeuner', scope: { kind: 'agent' }, red: 3600 }],
    ['a pause-reason scope', { figure: 'currentPauseSec', scope: { kind: 'pauseReason', name: 'Pause' } }],
    ['a channel figure', { figure: 'pastCommitment', scope: { kind: 'channel', name: 'email' }, orange: 1, red: 10 }],
    ['opening hours to midnight', { openingHours: [{ days: [1, 7], from: '22:00', to: '24:00' }] }],
  ])('accepts %s', (_, over) => {
    expect(problems({ ...valid, ...over })).toEqual([]);
  });

  it.each<[string, Partial<AlarmRuleInput>, string]>([
    [
      'orange above red for an "above" rule',
      { orange: 200 },
      "orange: orange must be below red when direction is 'above'",
    ],
    ['orange equal to red', { orange: 180 }, "orange: orange must be below red when direction is 'above'"],
    [
      'orange below red for a "below" rule',
      { figure: 'serviceLevel', direction: 'below', orange: 0.6, red: 0.8 },
      "orange: orange must be above red when direction is 'below'",
    ],
    ['no bound at all', { orange: undefined, red: undefined }, 'red: a rule needs an orange or a red bound (or both)'],
    ['a negative minimum duration', { minDurationSec: -1 }, 'minDurationSec: Too small: expected number to be >=0'],
    ['a negative hysteresis', { hysteresis: -5 }, 'hysteresis: Too small: expected number to be >=0'],
    [
      'an empty pause reason figure',
      { figure: 'pauseByReason.', scope: { kind: 'agent' } },
      'figure: unknown figure "pauseByReason." for scope "agent"',
    ],
    [
      'an agent figure on a queue',
      { figure: 'ringNoAnswer' },
      'figure: unknown figure "ringNoAnswer" for scope "queue"',
    ],
    [
      'a range over midnight',
      { openingHours: [{ days: [5], from: '22:00', to: '06:00' }] },
      'openingHours.0.to: `to` must be after `from`; split a range over midnight in two (22:00–24:00 and 00:00–06:00)',
    ],
    [
      'a time that is not HH:mm',
      { openingHours: [{ days: [1], from: '8h', to: '20:00' }] },
      'openingHours.0.from: a local time HH:mm, from 00:00 to 24:00',
    ],
    [
      'weekday 0',
      { openingHours: [{ days: [0], from: '08:00', to: '20:00' }] },
      'openingHours.0.days.0: a weekday from 1 (Monday) to 7 (Sunday)',
    ],
    [
      'no weekday',
      { openingHours: [{ days: [], from: '08:00', to: '20:00' }] },
      'openingHours.0.days: at least one weekday',
    ],
    ['empty opening hours', { openingHours: [] }, 'openingHours: at least one range, or leave opening hours out'],
    ['an unknown scope kind', { scope: { kind: 'planet' } as never }, 'scope.kind: Invalid option'],
  ])('refuses %s', (_, over, message) => {
    const found = problems({ ...valid, ...over });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it('reports every missing field of an empty object at once', () => {
    expect(problems({}).map((p) => p.split(':')[0])).toEqual(['id', 'figure', 'scope', 'direction']);
  });

  it('lists the figures a kind allows when the figure is unknown', () => {
    expect(problems({ ...valid, figure: 'waitingg' })[0]).toMatch(/one of: .*longestWaitSec.*unservedWaiting/);
  });
});
