import { z } from 'zod';
import { AgentLive, ChannelLive, QueueLive, TotalsLive } from './live.js';

/**
 * Threshold rules and action types (supervisor-edited settings). The pure engine lives in
 * libs/domain/src/alarms; these schemas validate what the API stores and serves.
 */

/** What a rule watches: a whole kind (`name` absent) or one target. `pauseReason` watches paused agents. */
export const AlarmScopeKind = z.enum(['site', 'queue', 'team', 'agent', 'pauseReason', 'channel']);
export type AlarmScopeKind = z.infer<typeof AlarmScopeKind>;

/** The numeric (or nullable numeric) leaves of a live row schema, nested objects as dotted names. */
function numericLeaves(schema: z.ZodObject, prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([field, type]) => {
    const inner: unknown = type instanceof z.ZodNullable ? type.unwrap() : type;
    if (inner instanceof z.ZodNumber) {
      return [prefix + field];
    }
    return inner instanceof z.ZodObject ? numericLeaves(inner, `${prefix}${field}.`) : [];
  });
}

/**
 * Derived figures. Floor (site, queue, team): `unservedWaiting` = `waiting` when no agent is ready, else 0 ("no
 * ready agent while contacts wait"). Agents: seconds in the current state (`stateSec`), in the current pause
 * (`currentPauseSec`, 0 unless paused), in the current call (`currentTalkSec`, 0 unless talking), and ready
 * while contacts wait in a queue it serves (`idleWhileWaitingSec`, 0 otherwise: an agent maybe away).
 */
const FLOOR_DERIVED = ['unservedWaiting'];
const AGENT_DERIVED = ['stateSec', 'currentPauseSec', 'currentTalkSec', 'idleWhileWaitingSec'];

/** Agent figure per pause reason: `pauseByReason.<reason>` = today's seconds in that pause reason. */
export const PAUSE_BY_REASON_PREFIX = 'pauseByReason.';

const floorFigures = [...numericLeaves(TotalsLive), ...FLOOR_DERIVED];
const agentFigures = [...numericLeaves(AgentLive), ...AGENT_DERIVED];

/** The live figures a rule may name, per scope kind: the live snapshot's numeric fields plus derived ones. */
export const ALARM_FIGURES: Record<AlarmScopeKind, readonly string[]> = {
  site: floorFigures,
  team: floorFigures,
  queue: [...numericLeaves(QueueLive), ...FLOOR_DERIVED],
  channel: numericLeaves(ChannelLive),
  agent: agentFigures,
  pauseReason: agentFigures,
};

function allowedFigures(kind: AlarmScopeKind): string {
  const reason = kind === 'agent' || kind === 'pauseReason' ? `, ${PAUSE_BY_REASON_PREFIX}<reason>` : '';
  return ALARM_FIGURES[kind].join(', ') + reason;
}

function isKnownFigure(kind: AlarmScopeKind, figure: string): boolean {
  if ((kind === 'agent' || kind === 'pauseReason') && figure.startsWith(PAUSE_BY_REASON_PREFIX)) {
    return figure.length > PAUSE_BY_REASON_PREFIX.length;
  }
  return ALARM_FIGURES[kind].includes(figure);
}

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const LocalTime = z.string().regex(HH_MM, 'a local time HH:mm, from 00:00 to 24:00');

/** Minutes after local midnight of `HH:mm` (24:00 → 1440). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Open on the given ISO weekdays (1 = Monday … 7 = Sunday) from `from` (inclusive) to `to` (exclusive), local. */
export const OpeningRange = z
  .object({
    days: z
      .array(z.number().int().min(1, 'a weekday from 1 (Monday) to 7 (Sunday)').max(7, 'a weekday from 1 to 7'))
      .min(1, 'at least one weekday'),
    from: LocalTime,
    to: LocalTime,
  })
  .refine((r) => !HH_MM.test(r.from) || !HH_MM.test(r.to) || minutesOfDay(r.from) < minutesOfDay(r.to), {
    message: '`to` must be after `from`; split a range over midnight in two (22:00–24:00 and 00:00–06:00)',
    path: ['to'],
  });
export type OpeningRange = z.infer<typeof OpeningRange>;

const Name = z.string().trim().min(1).max(200);

export const AlarmRule = z
  .object({
    id: z.string().trim().min(1).max(100),
    label: z.string().trim().max(200).optional(),
    /** A figure of `ALARM_FIGURES[scope.kind]`, e.g. `longestWaitSec`, `agents.ready`, `pauseByReason.Pause`. */
    figure: Name,
    scope: z.object({ kind: AlarmScopeKind, name: Name.optional() }),
    /** `above`: the higher the worse (waits); `below`: the lower the worse (service level, ready agents). */
    direction: z.enum(['above', 'below']),
    /** Bounds are inclusive (a wait of exactly 90 s is orange at 90). At least one of the two. */
    orange: z.number().finite().optional(),
    red: z.number().finite().optional(),
    /** How long the condition must hold before the alarm is raised (or escalated to red). */
    minDurationSec: z.number().finite().nonnegative().max(86_400).default(0),
    /** Margin, in the figure's unit, the value must get back past before the alarm clears or de-escalates. */
    hysteresis: z.number().finite().nonnegative().default(0),
    /** Local opening hours in the site's time zone; absent = always. Outside them the rule is off. */
    openingHours: z.array(OpeningRange).min(1, 'at least one range, or leave opening hours out').optional(),
  })
  .superRefine((rule, ctx) => {
    if (!isKnownFigure(rule.scope.kind, rule.figure)) {
      ctx.addIssue({
        code: 'custom',
        path: ['figure'],
        message: `unknown figure "${rule.figure}" for scope "${rule.scope.kind}"; one of: ${allowedFigures(rule.scope.kind)}`,
      });
    }
    if (rule.orange === undefined && rule.red === undefined) {
      ctx.addIssue({ code: 'custom', path: ['red'], message: 'a rule needs an orange or a red bound (or both)' });
    }
    if (rule.orange !== undefined && rule.red !== undefined) {
      if (rule.direction === 'above' && !(rule.orange < rule.red)) {
        ctx.addIssue({
          code: 'custom',
          path: ['orange'],
          message: "orange must be below red when direction is 'above'",
        });
      }
      if (rule.direction === 'below' && !(rule.orange > rule.red)) {
        ctx.addIssue({
          code: 'custom',
          path: ['orange'],
          message: "orange must be above red when direction is 'below'",
        });
      }
    }
  });
export type AlarmRule = z.infer<typeof AlarmRule>;
export type AlarmRuleInput = z.input<typeof AlarmRule>;

/** A row of the action-type table (DOMAIN.md): past `maxDelaySec` of waiting, `escalation` follows. */
export const ActionType = z.object({
  actionType: Name,
  /** 1 is the most urgent. */
  priority: z.number().int().positive(),
  maxDelaySec: z.number().finite().positive(),
  /** Who or what is called in when a contact of this type waits past its delay (e.g. `supervisor`). */
  escalation: Name,
});
export type ActionType = z.infer<typeof ActionType>;
