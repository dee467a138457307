/**
 * The queue figures of CONTRACT.md, defined once. Live screens and reports both compute them from these
 * mergeable counters, so the same period gives the same figures whichever way it is read.
 */
export interface QueueCounters {
  offered: number;
  answered: number;
  abandoned: number;
  notDistributed: number;
  answeredWithinSl: number;
  /**
   * Contacts of `received` left out of the ratios' denominator by the figure definition they follow (short
   * abandons, not-distributed contacts when they do not count). Always 0 under the contract's definition.
   */
  excluded: number;
  waitAnsweredSumSec: number;
  talkSumSec: number;
  talkCount: number;
  /** The longest wait of a contact of the period, whatever its outcome (merged by max). */
  maxWaitSec: number;
}

export interface PeriodFigures {
  offered: number;
  answered: number;
  abandoned: number;
  notDistributed: number;
  received: number;
  answeredWithinSl: number;
  serviceQuality: number | null;
  serviceLevel: number | null;
  avgWaitAnsweredSec: number | null;
  avgTalkSec: number | null;
  maxWaitSec: number;
}

export function emptyCounters(): QueueCounters {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    notDistributed: 0,
    answeredWithinSl: 0,
    excluded: 0,
    waitAnsweredSumSec: 0,
    talkSumSec: 0,
    talkCount: 0,
    maxWaitSec: 0,
  };
}

export function mergeCounters(a: QueueCounters, b: QueueCounters): QueueCounters {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    abandoned: a.abandoned + b.abandoned,
    notDistributed: a.notDistributed + b.notDistributed,
    answeredWithinSl: a.answeredWithinSl + b.answeredWithinSl,
    excluded: a.excluded + b.excluded,
    waitAnsweredSumSec: a.waitAnsweredSumSec + b.waitAnsweredSumSec,
    talkSumSec: a.talkSumSec + b.talkSumSec,
    talkCount: a.talkCount + b.talkCount,
    maxWaitSec: Math.max(a.maxWaitSec, b.maxWaitSec),
  };
}

/** Adds `delta` into `into` (the in-place form of mergeCounters, for hot paths). */
export function addCounters(into: QueueCounters, delta: QueueCounters): void {
  into.offered += delta.offered;
  into.answered += delta.answered;
  into.abandoned += delta.abandoned;
  into.notDistributed += delta.notDistributed;
  into.answeredWithinSl += delta.answeredWithinSl;
  into.excluded += delta.excluded;
  into.waitAnsweredSumSec += delta.waitAnsweredSumSec;
  into.talkSumSec += delta.talkSumSec;
  into.talkCount += delta.talkCount;
  into.maxWaitSec = Math.max(into.maxWaitSec, delta.maxWaitSec);
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/**
 * The figures of a period. `received` is the contract's; the ratios divide by the contacts the figure definition
 * counts (`received − excluded`, which is `received` under the contract's definition).
 */
export function toPeriodFigures(c: QueueCounters): PeriodFigures {
  const received = c.answered + c.abandoned + c.notDistributed;
  const counted = received - c.excluded;
  return {
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    notDistributed: c.notDistributed,
    received,
    answeredWithinSl: c.answeredWithinSl,
    serviceQuality: ratio(c.answered, counted),
    serviceLevel: ratio(c.answeredWithinSl, counted),
    avgWaitAnsweredSec: ratio(c.waitAnsweredSumSec, c.answered),
    avgTalkSec: ratio(c.talkSumSec, c.talkCount),
    maxWaitSec: c.maxWaitSec,
  };
}

export type FigureUnit = 'count' | 'ratio' | 'seconds';

/** Labels floor staff read today (French first), units for formatting, and the one-line definition. */
export const FIGURES = {
  offered: { fr: 'App. présentés', en: 'Offered', unit: 'count', definition: 'contacts that entered the queue' },
  answered: { fr: 'App. répondus', en: 'Answered', unit: 'count', definition: 'contacts connected to an agent' },
  abandoned: { fr: 'Nb.App.Abd', en: 'Abandoned', unit: 'count', definition: 'the caller hung up while waiting' },
  notDistributed: {
    fr: 'Non distribués',
    en: 'Not distributed',
    unit: 'count',
    definition: 'left without an agent nor a hang-up: timeout, empty queue, key pressed, withdrawn',
  },
  received: { fr: 'App.Reçus', en: 'Received', unit: 'count', definition: 'answered + abandoned + not distributed' },
  answeredWithinSl: {
    fr: 'Répondus dans le délai',
    en: 'Answered within target',
    unit: 'count',
    definition: "answered with a wait ≤ the service-level target of the queue's figure definition",
  },
  serviceQuality: {
    fr: 'Qualité.Svc',
    en: 'Service quality',
    unit: 'ratio',
    definition: "answered ÷ received (less the contacts the queue's figure definition leaves out)",
  },
  serviceLevel: {
    fr: 'Niveau de service',
    en: 'Service level',
    unit: 'ratio',
    definition: "answered within the target ÷ received (less the contacts the queue's figure definition leaves out)",
  },
  avgWaitAnsweredSec: {
    fr: 'Moy.Att.Rep',
    en: 'Avg wait (answered)',
    unit: 'seconds',
    definition: 'mean wait of the answered contacts',
  },
  avgTalkSec: {
    fr: 'Moy.Comm',
    en: 'Avg talk',
    unit: 'seconds',
    definition: 'mean talk time of the conversations that ended (completed or transferred)',
  },
  maxWaitSec: {
    fr: 'Att.Max (période)',
    en: 'Longest wait (period)',
    unit: 'seconds',
    definition: 'longest wait of a contact of the period, whatever its outcome',
  },
  waiting: { fr: 'Appel ATT', en: 'Waiting', unit: 'count', definition: 'contacts waiting now' },
  longestWaitSec: {
    fr: 'Att.Max',
    en: 'Longest wait',
    unit: 'seconds',
    definition: 'how long the oldest contact still waiting has waited, now',
  },
} as const satisfies Record<string, { fr: string; en: string; unit: FigureUnit; definition: string }>;
