import type { AlarmRule } from '@vigie/protocol';

/**
 * Rules out of the box, from the floor (DOMAIN.md, CONTRACT.md). Time figures grow second by second, so they need
 * neither a minimum duration nor a hysteresis; the longest wait keeps CONTRACT's exact bounds (orange from 90 s,
 * red from 180 s, inclusive).
 */
export const DEFAULT_RULES: readonly AlarmRule[] = [
  {
    id: 'longest-wait',
    label: 'Att.Max',
    figure: 'longestWaitSec',
    scope: { kind: 'queue' },
    direction: 'above',
    orange: 90,
    red: 180,
    minDurationSec: 0,
    hysteresis: 0,
  },
  {
    // Paid breaks are 10 min per 2 h (DOMAIN.md): orange when the break runs over, red 5 min later.
    id: 'break-overrun',
    label: 'Pause dépassée',
    figure: 'currentPauseSec',
    scope: { kind: 'pauseReason', name: 'Pause' },
    direction: 'above',
    orange: 600,
    red: 900,
    minDurationSec: 0,
    hysteresis: 0,
  },
  {
    // Long calls (`App. longs`): our choice of bounds, 15 min orange and 30 min red.
    id: 'long-call',
    label: 'App. longs',
    figure: 'currentTalkSec',
    scope: { kind: 'agent' },
    direction: 'above',
    orange: 900,
    red: 1800,
    minDurationSec: 0,
    hysteresis: 0,
  },
  {
    // Rings missed in a row: it clears when the agent answers a call again.
    id: 'ring-no-answer',
    label: 'Non-réponse agent',
    figure: 'ringNoAnswerInARow',
    scope: { kind: 'agent' },
    direction: 'above',
    orange: 1,
    red: 3,
    minDurationSec: 0,
    hysteresis: 0,
  },
  {
    // Ready but taking no call while contacts wait in one of its queues: maybe away from the desk (the console
    // proposes a pause or a logoff to the supervisor; nothing is done silently).
    id: 'idle-while-waiting',
    label: 'Agent prêt inactif',
    figure: 'idleWhileWaitingSec',
    scope: { kind: 'agent' },
    direction: 'above',
    orange: 45,
    red: 90,
    minDurationSec: 0,
    hysteresis: 0,
  },
  {
    // Red only. 10 s of minimum duration so an agent between two calls does not raise it for a second.
    id: 'no-ready-agent',
    label: 'Aucun agent prêt',
    figure: 'unservedWaiting',
    scope: { kind: 'queue' },
    direction: 'above',
    red: 1,
    minDurationSec: 10,
    hysteresis: 0,
  },
];
