import { z } from 'zod';
import { Channel } from './events.js';
import { FigureRules } from './figures.js';

/** Live snapshot of a site (`GET /sites/{site}/live`, `live.snapshot`): CONTRACT.md fields plus extras. */
export const Level = z.enum(['normal', 'orange', 'red']);
export type Level = z.infer<typeof Level>;

export const AgentState = z.enum(['logged_out', 'ready', 'ringing', 'talking', 'wrapup', 'paused']);
export type AgentState = z.infer<typeof AgentState>;

const Ratio = z.number().nullable();
const SecondsOrNull = z.number().nullable();

export const PeriodFiguresSchema = z.object({
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  notDistributed: z.number(),
  received: z.number(),
  answeredWithinSl: z.number(),
  serviceQuality: Ratio,
  serviceLevel: Ratio,
  avgWaitAnsweredSec: SecondsOrNull,
  avgTalkSec: SecondsOrNull,
  maxWaitSec: z.number(),
});

export const AgentCounts = z.object({
  loggedIn: z.number(),
  ready: z.number(),
  ringing: z.number(),
  talking: z.number(),
  wrapup: z.number(),
  paused: z.number(),
});
export type AgentCounts = z.infer<typeof AgentCounts>;

/** The figures of the interval in progress (contacts that entered since `start`), 15 or 30 minutes long. */
export const CurrentInterval = PeriodFiguresSchema.extend({ start: z.string() });
export type CurrentInterval = z.infer<typeof CurrentInterval>;

export const QueueLive = PeriodFiguresSchema.extend({
  queue: z.string(),
  channel: Channel,
  /** Service-level target of the queue, seconds (inclusive). */
  slTargetSec: z.number(),
  /** The figure definition in force today for this queue (target, short abandons, not-distributed). */
  definition: FigureRules,
  waiting: z.number(),
  longestWaitSec: z.number(),
  agents: AgentCounts,
  /** The current 15-minute and 30-minute intervals of the site's day. */
  current15: CurrentInterval,
  current30: CurrentInterval,
  /** Threshold level of each figure that has a rule. */
  levels: z.record(z.string(), Level),
});
export type QueueLive = z.infer<typeof QueueLive>;

export const AgentLive = z.object({
  agent: z.string(),
  name: z.string().nullable(),
  team: z.string().nullable(),
  state: AgentState,
  /** When the current state began (ISO UTC). */
  since: z.string(),
  pauseReason: z.string().nullable(),
  loggedInSec: z.number(),
  pausedSec: z.number(),
  readySec: z.number(),
  talkSec: z.number(),
  wrapupSec: z.number(),
  answered: z.number(),
  handled: z.number(),
  avgHandlingSec: SecondsOrNull,
  ringNoAnswer: z.number(),
  /** Rings not answered since the agent last answered one (an absent agent's sign). */
  ringNoAnswerInARow: z.number(),
  pauseByReason: z.record(z.string(), z.number()),
  /** Pauses begun today, by reason. */
  pauseCountByReason: z.record(z.string(), z.number()),
  queues: z.array(z.string()),
  /** Threshold level of each figure that has a rule on this agent. */
  levels: z.record(z.string(), Level),
});
export type AgentLive = z.infer<typeof AgentLive>;

export const TotalsLive = PeriodFiguresSchema.extend({
  waiting: z.number(),
  longestWaitSec: z.number(),
  agents: AgentCounts,
  current15: CurrentInterval,
  current30: CurrentInterval,
  /** Threshold level of each figure that has a rule on the site (or the team). */
  levels: z.record(z.string(), Level),
});
export type TotalsLive = z.infer<typeof TotalsLive>;

export const TeamLive = TotalsLive.extend({ team: z.string(), queues: z.array(z.string()) });
export type TeamLive = z.infer<typeof TeamLive>;

export const IntervalLive = z.object({
  queue: z.string(),
  start: z.string(),
  received: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  serviceLevel: Ratio,
});
export type IntervalLive = z.infer<typeof IntervalLive>;

export const ChannelLive = z.object({
  channel: Channel,
  waiting: z.number(),
  oldestWaitSec: z.number(),
  /** Response commitment of the channel, seconds. */
  commitmentSec: z.number(),
  pastCommitment: z.number(),
  received: z.number(),
  answered: z.number(),
  levels: z.record(z.string(), Level),
});
export type ChannelLive = z.infer<typeof ChannelLive>;

export const PauseLive = z.object({
  reason: z.string(),
  /** Agents in that pause now, and the longest of their pauses so far. */
  agentsNow: z.number(),
  longestNowSec: z.number(),
  /** Pauses begun today and their total time. */
  countToday: z.number(),
  totalSecToday: z.number(),
  /** From the site's break policy when it names the reason: the longest one pause should last, and whether paid. */
  maxSec: z.number().nullable(),
  paid: z.boolean().nullable(),
  /** Agents in that pause now for longer than `maxSec`. */
  overMax: z.number(),
});
export type PauseLive = z.infer<typeof PauseLive>;

export const ActiveAlarmLive = z.object({
  /** The rule and the subject: `<rule>|<kind>:<name>`. */
  key: z.string(),
  ruleId: z.string(),
  subject: z.object({ kind: z.string(), name: z.string() }),
  figure: z.string(),
  level: z.enum(['orange', 'red']),
  value: z.number().nullable(),
  raisedAt: z.string(),
  acknowledged: z.boolean(),
  /** An overdue contact's queue, action type, maximum delay and escalation. */
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ActiveAlarmLive = z.infer<typeof ActiveAlarmLive>;

export const FloorSnapshot = z.object({
  at: z.string(),
  /** Business day shown (local date), and when it started (ISO UTC): agents' times count from then. */
  day: z.string(),
  dayStart: z.string(),
  /**
   * `now`: agents' times (`loggedInSec`, `readySec`, `pausedSec`, `talkSec`, `wrapupSec`, `pauseByReason`) run to
   * `at`. `since` (pushed frames): they run to each agent's `since`; a screen adds the seconds from
   * max(`since`, `dayStart`) to its clock to the current state's time, so frames do not change every agent every
   * second.
   */
  agentTimes: z.enum(['now', 'since']),
  queues: z.array(QueueLive),
  agents: z.array(AgentLive),
  totals: TotalsLive,
  teams: z.array(TeamLive),
  intervals: z.array(IntervalLive),
  channels: z.array(ChannelLive),
  /** Per pause reason: the pauses on the wall. */
  pauses: z.array(PauseLive),
  /** The alarms active now, most severe and oldest first. */
  alarms: z.array(ActiveAlarmLive),
});
export type FloorSnapshot = z.infer<typeof FloorSnapshot>;
