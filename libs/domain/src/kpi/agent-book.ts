import { eventTime, type AgentCounts, type AgentLive, type AgentState, type VigieEvent } from '@vigie/protocol';

/** A call whose talk lasts longer than this is a long call in the agent report (15 minutes). */
export const LONG_CALL_SEC = 900;

/** An agent's work in one queue over the day: the per-queue part of the agent daily report. */
export interface QueueWork {
  queue: string;
  answered: number;
  handled: number;
  transfers: number;
  talkSec: number;
  wrapupSec: number;
  /** Ring time of the presentations whose ring time is known, and how many they are. */
  ringSec: number;
  ringsTimed: number;
  ringNoAnswer: number;
  longCalls: number;
}

export type AgentDayView = AgentLive & { byQueue: QueueWork[] };

interface AgentRecord {
  agent: string;
  name: string | null;
  team: string | null;
  globalLogin: boolean;
  queues: Set<string>;
  globalPause: boolean;
  pausedQueues: Set<string>;
  pauseReason: string | null;
  busy: 'ringing' | 'talking' | 'wrapup' | null;
  wrapupUntilMs: number | null;
  state: AgentState;
  sinceMs: number;
  /** Time accrued up to here. */
  accruedToMs: number;
  totals: { loggedIn: number; paused: number; ready: number; talk: number; wrapup: number };
  pauseByReason: Map<string, number>;
  pauseCountByReason: Map<string, number>;
  answered: number;
  handled: number;
  ringNoAnswer: number;
  ringNoAnswerInARow: number;
  /** The work (per queue) of the contact the agent is ringing, talking or wrapping up for. */
  current: QueueWork | null;
  ringingSinceMs: number | null;
  talkingSinceMs: number | null;
  byQueue: Map<string, QueueWork>;
}

const emptyWork = (queue: string): QueueWork => ({
  queue,
  answered: 0,
  handled: 0,
  transfers: 0,
  talkSec: 0,
  wrapupSec: 0,
  ringSec: 0,
  ringsTimed: 0,
  ringNoAnswer: 0,
  longCalls: 0,
});

function work(a: AgentRecord, queue: string): QueueWork {
  let w = a.byQueue.get(queue);
  if (!w) {
    w = emptyWork(queue);
    a.byQueue.set(queue, w);
  }
  return w;
}

function addRing(a: AgentRecord, queue: string, ringSec: number | undefined): void {
  if (ringSec !== undefined) {
    const w = work(a, queue);
    w.ringSec += ringSec;
    w.ringsTimed += 1;
  }
}

/** Contact outcomes move agents only when the contact ledger took them (not a duplicate, not an unknown contact). */
const OUTCOMES = new Set<VigieEvent['type']>([
  'contact.answered',
  'contact.abandoned',
  'contact.not_distributed',
  'contact.ended',
  'contact.transferred',
]);

export function movesAgents(event: VigieEvent, ledgerTookIt: boolean): boolean {
  return ledgerTookIt || !OUTCOMES.has(event.type);
}

export const emptyAgentCounts = (): AgentCounts => ({
  loggedIn: 0,
  ready: 0,
  ringing: 0,
  talking: 0,
  wrapup: 0,
  paused: 0,
});

function stateOf(a: AgentRecord): AgentState {
  if (!a.globalLogin && a.queues.size === 0) {
    return 'logged_out';
  }
  if (a.busy) {
    return a.busy;
  }
  if (a.globalPause) {
    return 'paused';
  }
  if (a.queues.size === 0 || a.pausedQueues.size === 0) {
    return 'ready';
  }
  for (const q of a.queues) {
    if (!a.pausedQueues.has(q)) {
      return 'ready';
    }
  }
  return 'paused';
}

/**
 * Agents' states and their times for the business day. Time in a state accrues when the state changes
 * (and, without changing anything, up to `now` in `list`); the part before the day's start is dropped.
 */
export class AgentBook {
  private readonly agents = new Map<string, AgentRecord>();
  private dayStartMs = 0;

  constructor(private readonly teamOf: (agent: string) => string | undefined = () => undefined) {}

  /** A new business day: today's totals start again from zero. */
  startDay(dayStartMs: number): void {
    for (const a of this.agents.values()) {
      this.accrue(a, dayStartMs);
      a.totals = { loggedIn: 0, paused: 0, ready: 0, talk: 0, wrapup: 0 };
      a.pauseByReason = new Map();
      a.pauseCountByReason = new Map();
      a.answered = 0;
      a.handled = 0;
      a.ringNoAnswer = 0;
      a.ringNoAnswerInARow = 0;
      a.byQueue = new Map();
      a.current = a.current ? work(a, a.current.queue) : null;
    }
    this.dayStartMs = dayStartMs;
  }

  apply(event: VigieEvent, at: number = eventTime(event)): void {
    if (!('agent' in event) || !event.agent || event.type === 'source.unknown') {
      return;
    }
    const a = this.record(event.agent, at);
    this.expireWrapup(a, at);
    this.accrue(a, at);
    const pausedFor = a.state === 'paused' ? a.pauseReason : undefined;
    switch (event.type) {
      case 'agent.logged_in':
        a.name = event.name ?? a.name;
        a.team = event.team ?? a.team;
        if (event.queue) {
          a.queues.add(event.queue);
        } else {
          a.globalLogin = true;
        }
        break;
      case 'agent.logged_out':
        if (event.queue) {
          a.queues.delete(event.queue);
          a.pausedQueues.delete(event.queue);
        } else {
          a.globalLogin = false;
          a.queues.clear();
          a.pausedQueues.clear();
          a.globalPause = false;
          a.busy = null;
        }
        break;
      case 'agent.paused':
        if (event.queue) {
          a.pausedQueues.add(event.queue);
        } else {
          a.globalPause = true;
        }
        a.pauseReason = event.reason ?? null;
        break;
      case 'agent.ready':
        if (event.queue) {
          a.pausedQueues.delete(event.queue);
        } else {
          a.globalPause = false;
          a.pausedQueues.clear();
        }
        if (a.busy === 'wrapup') {
          a.busy = null;
          a.wrapupUntilMs = null;
        }
        break;
      case 'agent.wrapup':
        a.busy = 'wrapup';
        a.wrapupUntilMs = null;
        break;
      case 'contact.ringing':
        this.joinImplicitly(a, event.queue);
        a.busy = 'ringing';
        a.current = work(a, event.queue);
        a.ringingSinceMs = at;
        break;
      case 'contact.ring_no_answer':
        a.ringNoAnswer += 1;
        a.ringNoAnswerInARow += 1;
        work(a, event.queue).ringNoAnswer += 1;
        addRing(a, event.queue, event.ringSec);
        a.ringingSinceMs = null;
        if (a.busy === 'ringing') {
          a.busy = null;
        }
        break;
      case 'contact.answered':
        this.joinImplicitly(a, event.queue);
        addRing(
          a,
          event.queue,
          event.ringSec ?? (a.ringingSinceMs === null ? undefined : (at - a.ringingSinceMs) / 1000),
        );
        a.busy = 'talking';
        a.current = work(a, event.queue);
        a.ringingSinceMs = null;
        a.talkingSinceMs = at;
        a.answered += 1;
        a.ringNoAnswerInARow = 0;
        work(a, event.queue).answered += 1;
        break;
      case 'contact.ended':
      case 'contact.transferred': {
        a.handled += 1;
        const w = work(a, event.queue);
        w.handled += 1;
        w.transfers += event.type === 'contact.transferred' ? 1 : 0;
        w.longCalls += a.talkingSinceMs !== null && (at - a.talkingSinceMs) / 1000 > LONG_CALL_SEC ? 1 : 0;
        a.talkingSinceMs = null;
        const wrapupSec = event.type === 'contact.ended' ? (event.wrapupSec ?? 0) : 0;
        a.busy = wrapupSec > 0 ? 'wrapup' : null;
        a.wrapupUntilMs = wrapupSec > 0 ? at + wrapupSec * 1000 : null;
        break;
      }
      case 'contact.abandoned':
        if (a.busy === 'ringing') {
          a.busy = null;
        }
        break;
      default:
        break;
    }
    this.settle(a, at);
    if (a.state === 'paused' && a.pauseReason !== pausedFor) {
      const reason = a.pauseReason ?? '';
      a.pauseCountByReason.set(reason, (a.pauseCountByReason.get(reason) ?? 0) + 1);
    }
  }

  /** Every agent seen today (logged out ones included when they worked today), as of `nowMs`. */
  list(nowMs: number): AgentLive[] {
    const out: AgentLive[] = [];
    for (const a of this.agents.values()) {
      const view = this.view(a, nowMs);
      if (view.state !== 'logged_out' || view.loggedInSec > 0) {
        out.push(view);
      }
    }
    return out.sort((x, y) => (x.agent < y.agent ? -1 : x.agent > y.agent ? 1 : 0));
  }

  /** `list`, each agent with its work per queue (the agent daily report). */
  listWithQueues(nowMs: number): AgentDayView[] {
    return this.list(nowMs).map((view) => {
      const a = this.agents.get(view.agent);
      const byQueue = new Map([...(a?.byQueue ?? [])].map(([q, w]) => [q, { ...w }]));
      if (a) {
        const current = a.current ? (byQueue.get(a.current.queue) ?? null) : null;
        const probe: AgentRecord = { ...a, totals: { ...a.totals }, pauseByReason: new Map(), byQueue, current };
        this.expireWrapup(probe, nowMs);
        this.accrue(probe, nowMs);
      }
      return { ...view, byQueue: [...byQueue.values()].sort((x, y) => (x.queue < y.queue ? -1 : 1)) };
    });
  }

  /** Agents by state in each queue they serve (an agent counts in every queue it is a member of). */
  countsByQueue(agents: readonly AgentLive[]): Map<string, AgentCounts> {
    const counts = new Map<string, AgentCounts>();
    for (const view of agents) {
      const a = this.agents.get(view.agent);
      if (!a || view.state === 'logged_out') {
        continue;
      }
      for (const q of a.queues) {
        const c = counts.get(q) ?? emptyAgentCounts();
        c.loggedIn += 1;
        c[a.pausedQueues.has(q) && !a.busy ? 'paused' : view.state] += 1;
        counts.set(q, c);
      }
    }
    return counts;
  }

  private view(a: AgentRecord, nowMs: number): AgentLive {
    const wrapupEnd =
      a.busy === 'wrapup' && a.wrapupUntilMs !== null && a.wrapupUntilMs <= nowMs ? a.wrapupUntilMs : null;
    const probe: AgentRecord = {
      ...a,
      totals: { ...a.totals },
      pauseByReason: new Map(a.pauseByReason),
      current: null,
    };
    if (wrapupEnd !== null) {
      this.accrue(probe, wrapupEnd);
      probe.busy = null;
      probe.wrapupUntilMs = null;
      this.settle(probe, wrapupEnd);
    }
    this.accrue(probe, nowMs);
    const t = probe.totals;
    return {
      agent: a.agent,
      name: a.name,
      team: a.team,
      state: probe.state,
      since: new Date(probe.sinceMs).toISOString(),
      pauseReason: probe.state === 'paused' ? a.pauseReason : null,
      loggedInSec: Math.floor(t.loggedIn),
      pausedSec: Math.floor(t.paused),
      readySec: Math.floor(t.ready),
      talkSec: Math.floor(t.talk),
      wrapupSec: Math.floor(t.wrapup),
      answered: a.answered,
      handled: a.handled,
      avgHandlingSec: a.handled > 0 ? (t.talk + t.wrapup) / a.handled : null,
      ringNoAnswer: a.ringNoAnswer,
      ringNoAnswerInARow: a.ringNoAnswerInARow,
      pauseByReason: Object.fromEntries([...probe.pauseByReason].map(([r, s]) => [r, Math.floor(s)])),
      pauseCountByReason: Object.fromEntries(a.pauseCountByReason),
      queues: [...a.queues].sort(),
      levels: {},
    };
  }

  private record(agent: string, at: number): AgentRecord {
    let a = this.agents.get(agent);
    if (!a) {
      const team = this.teamOf(agent) ?? null;
      a = {
        agent,
        name: null,
        team,
        globalLogin: false,
        queues: new Set(),
        globalPause: false,
        pausedQueues: new Set(),
        pauseReason: null,
        busy: null,
        wrapupUntilMs: null,
        state: 'logged_out',
        sinceMs: at,
        accruedToMs: at,
        totals: { loggedIn: 0, paused: 0, ready: 0, talk: 0, wrapup: 0 },
        pauseByReason: new Map(),
        pauseCountByReason: new Map(),
        answered: 0,
        handled: 0,
        ringNoAnswer: 0,
        ringNoAnswerInARow: 0,
        current: null,
        ringingSinceMs: null,
        talkingSinceMs: null,
        byQueue: new Map(),
      };
      this.agents.set(agent, a);
    }
    return a;
  }

  /** An agent who takes calls is logged in, even when the source never said so (e.g. no login lines). */
  private joinImplicitly(a: AgentRecord, queue: string): void {
    if (!a.globalLogin && !a.queues.has(queue)) {
      a.queues.add(queue);
    }
  }

  private expireWrapup(a: AgentRecord, at: number): void {
    const end = a.wrapupUntilMs;
    if (a.busy === 'wrapup' && end !== null && end <= at) {
      this.accrue(a, end);
      a.busy = null;
      a.wrapupUntilMs = null;
      this.settle(a, end);
    }
  }

  /** Adds the time from the last accrual to `toMs` (within today) to the current state. */
  private accrue(a: AgentRecord, toMs: number): void {
    const from = Math.max(a.accruedToMs, this.dayStartMs);
    if (toMs > from && a.state !== 'logged_out') {
      const sec = (toMs - from) / 1000;
      a.totals.loggedIn += sec;
      if (a.state === 'paused') {
        a.totals.paused += sec;
        const reason = a.pauseReason ?? '';
        a.pauseByReason.set(reason, (a.pauseByReason.get(reason) ?? 0) + sec);
      } else if (a.state === 'ready') {
        a.totals.ready += sec;
      } else if (a.state === 'talking') {
        a.totals.talk += sec;
        if (a.current !== null) {
          a.current.talkSec += sec;
        }
      } else if (a.state === 'wrapup') {
        a.totals.wrapup += sec;
        if (a.current !== null) {
          a.current.wrapupSec += sec;
        }
      }
    }
    a.accruedToMs = Math.max(a.accruedToMs, toMs);
  }

  private settle(a: AgentRecord, at: number): void {
    const state = stateOf(a);
    if (state !== a.state) {
      a.state = state;
      a.sinceMs = at;
      if (state !== 'paused') {
        a.pauseReason = state === 'logged_out' ? null : a.pauseReason;
      }
    }
  }
}
