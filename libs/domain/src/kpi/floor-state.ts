import {
  eventTime,
  type AgentCounts,
  type Channel,
  type ChannelLive,
  type CurrentInterval,
  type FloorSnapshot,
  type IntervalLive,
  type QueueLive,
  type TeamLive,
  type TotalsLive,
  type VigieEvent,
} from '@vigie/protocol';
import { businessDay, intervalStart, type BusinessDay } from '../time/business-day.js';
import { AgentBook, emptyAgentCounts, movesAgents } from './agent-book.js';
import { ContactLedger, DEFAULT_SL_TARGET_SEC } from './contact-ledger.js';
import { addCounters, emptyCounters, toPeriodFigures, type QueueCounters } from './counters.js';
import { contractDefinition, type DefinitionResolver } from './figure-definitions.js';
import { pausesOf } from './pauses.js';

export interface FloorOptions {
  timeZone: string;
  /** Business day cut-over, minutes after local midnight (0 by default). */
  cutoverMinute?: number;
  /** The figure definition a contact follows (queue, entry time); the contract's by default. */
  definitionOf?: DefinitionResolver;
  teamOf?: (agent: string) => string | undefined;
  /** Team → the queues it serves, for team roll-ups of queue figures. */
  queueGroups?: Record<string, string[]>;
  channelCommitmentSec?: Partial<Record<Channel, number>>;
}

/** Response commitments by channel (DOMAIN.md); voice uses the queue's service-level target. */
export const DEFAULT_COMMITMENT_SEC: Record<Channel, number> = {
  voice: DEFAULT_SL_TARGET_SEC,
  email: 24 * 3600,
  social: 3600,
  chat: 300,
  callback: 600,
  outbound: 7200,
};

interface QueueToday {
  channel: Channel;
  /** Today's 15-minute buckets, by start. */
  buckets: Map<number, QueueCounters>;
  /** Contacts waiting now, oldest first (insertion order): key → entered at. */
  waiting: Map<string, number>;
  /** The action type of the waiting contacts that came with one. */
  actionTypes: Map<string, string>;
}

/** A contact waiting now, for the action-type delays (alarms). */
export interface WaitingNow {
  id: string;
  queue: string;
  channel: Channel;
  actionType?: string;
  enteredAtMs: number;
}

const CHANNELS: Channel[] = ['voice', 'email', 'chat', 'social', 'callback', 'outbound'];

/** The intervals in progress at a moment: [start, end) of the current 15 and 30 minutes. */
interface Current {
  s15: number;
  s30: number;
}

/**
 * One site's floor, live: contacts, queues and agents for the current business day. O(1) work per event;
 * figures come from the counters of `counters.ts` through the same ledger the report rollups use.
 */
export class FloorState {
  private ledger: ContactLedger;
  private agents: AgentBook;
  private queues = new Map<string, QueueToday>();
  private day: BusinessDay | undefined;
  private definitionOf: DefinitionResolver;
  private readonly commitment: Record<Channel, number>;

  constructor(private readonly opts: FloorOptions) {
    this.definitionOf = opts.definitionOf ?? contractDefinition;
    this.ledger = new ContactLedger(opts.timeZone, this.definitionOf);
    this.agents = new AgentBook(opts.teamOf);
    this.commitment = { ...DEFAULT_COMMITMENT_SEC, ...opts.channelCommitmentSec };
  }

  /**
   * Takes over the state of another floor of the same site, e.g. one rebuilt from the log under new figure
   * definitions, so that whoever holds this floor (screens, alarm stages) sees the rebuilt figures at once.
   */
  adopt(other: FloorState): void {
    this.ledger = other.ledger;
    this.agents = other.agents;
    this.queues = other.queues;
    this.day = other.day;
    this.definitionOf = other.definitionOf;
  }

  apply(event: VigieEvent): void {
    const at = eventTime(event);
    this.advanceDay(at);
    const delta = this.ledger.apply(event, at);
    if (delta && this.day && delta.bucketStartMs >= this.day.startMs && delta.bucketStartMs < this.day.endMs) {
      const q = this.queue(delta.queue);
      const bucket = q.buckets.get(delta.bucketStartMs);
      if (bucket) {
        addCounters(bucket, delta.counters);
      } else {
        q.buckets.set(delta.bucketStartMs, { ...delta.counters });
      }
    }
    this.trackWaiting(event);
    if (movesAgents(event, delta !== undefined)) {
      this.agents.apply(event, at);
    }
  }

  /** Today's counters per queue and 15-minute interval (what the rollups hold for today). */
  *counters(): Generator<{ queue: string; intervalStartMs: number; counters: QueueCounters }> {
    for (const [queue, q] of this.queues) {
      for (const [intervalStartMs, counters] of q.buckets) {
        yield { queue, intervalStartMs, counters };
      }
    }
  }

  /** Every contact waiting now, in every queue. */
  *waitingContacts(): Generator<WaitingNow> {
    for (const [queue, q] of this.queues) {
      for (const [id, enteredAtMs] of q.waiting) {
        const actionType = q.actionTypes.get(id);
        yield { id, queue, channel: q.channel, enteredAtMs, ...(actionType === undefined ? {} : { actionType }) };
      }
    }
  }

  snapshot(nowMs: number): FloorSnapshot {
    this.advanceDay(nowMs);
    const day = this.day ?? businessDay(nowMs, this.opts.timeZone, this.opts.cutoverMinute);
    const agents = this.agents.list(nowMs);
    const byQueue = this.agents.countsByQueue(agents);
    const current: Current = {
      s15: intervalStart(nowMs, this.opts.timeZone, 15),
      s30: intervalStart(nowMs, this.opts.timeZone, 30),
    };
    const queues: QueueLive[] = [...this.queues.keys()]
      .sort()
      .map((name) => this.queueLive(name, nowMs, day.startMs, current, byQueue));
    const siteCounts = emptyAgentCounts();
    for (const a of agents) {
      if (a.state !== 'logged_out') {
        siteCounts.loggedIn += 1;
        siteCounts[a.state] += 1;
      }
    }
    return {
      at: new Date(nowMs).toISOString(),
      day: day.date,
      dayStart: new Date(day.startMs).toISOString(),
      agentTimes: 'now',
      queues,
      agents,
      totals: this.totals(queues, current, siteCounts),
      teams: this.teams(queues, current, agents),
      intervals: this.intervals(),
      channels: this.channels(nowMs),
      pauses: pausesOf(agents, nowMs),
      alarms: [],
    };
  }

  private advanceDay(atMs: number): void {
    if (this.day && atMs < this.day.endMs) {
      return;
    }
    const next = businessDay(atMs, this.opts.timeZone, this.opts.cutoverMinute);
    if (this.day && next.startMs <= this.day.startMs) {
      return;
    }
    this.day = next;
    for (const q of this.queues.values()) {
      q.buckets.clear();
    }
    this.agents.startDay(next.startMs);
  }

  private queue(name: string, channel: Channel = 'voice'): QueueToday {
    let q = this.queues.get(name);
    if (!q) {
      q = { channel, buckets: new Map(), waiting: new Map(), actionTypes: new Map() };
      this.queues.set(name, q);
    }
    return q;
  }

  private trackWaiting(event: VigieEvent): void {
    switch (event.type) {
      case 'contact.queued': {
        const q = this.queue(event.queue, event.channel);
        q.channel = event.channel;
        const open = this.ledger.get(event.contactId, event.queue);
        if (open && !open.connected && !q.waiting.has(event.contactId)) {
          q.waiting.set(event.contactId, open.enteredAtMs);
          if (event.actionType !== undefined) {
            q.actionTypes.set(event.contactId, event.actionType);
          }
        }
        break;
      }
      case 'contact.answered':
      case 'contact.abandoned':
      case 'contact.not_distributed':
      case 'contact.ended':
      case 'contact.transferred':
        this.queues.get(event.queue)?.waiting.delete(event.contactId);
        this.queues.get(event.queue)?.actionTypes.delete(event.contactId);
        break;
      case 'agent.logged_in':
      case 'agent.paused':
      case 'agent.ready':
        if (event.queue) {
          this.queue(event.queue);
        }
        break;
      default:
        break;
    }
  }

  private longestWaitSec(q: QueueToday, nowMs: number): number {
    const first = q.waiting.values().next();
    return first.done ? 0 : Math.max(0, Math.floor((nowMs - first.value) / 1000));
  }

  /** Today's counters of a queue, whole day and the intervals in progress. */
  private periods(q: QueueToday, current: Current): { day: QueueCounters; c15: QueueCounters; c30: QueueCounters } {
    const day = emptyCounters();
    const c15 = emptyCounters();
    const c30 = emptyCounters();
    for (const [start, c] of q.buckets) {
      addCounters(day, c);
      if (start >= current.s30 && start < current.s30 + 30 * 60_000) {
        addCounters(c30, c);
        if (start === current.s15) {
          addCounters(c15, c);
        }
      }
    }
    return { day, c15, c30 };
  }

  private queueLive(
    name: string,
    nowMs: number,
    dayStartMs: number,
    current: Current,
    byQueue: Map<string, AgentCounts>,
  ): QueueLive {
    const q = this.queue(name);
    const definition = this.definitionOf(name, dayStartMs);
    const longestWaitSec = this.longestWaitSec(q, nowMs);
    const { day, c15, c30 } = this.periods(q, current);
    const live = { ...toPeriodFigures(day), waiting: q.waiting.size, longestWaitSec };
    return {
      queue: name,
      channel: q.channel,
      slTargetSec: definition.targetSec,
      definition: { ...definition },
      ...live,
      agents: byQueue.get(name) ?? emptyAgentCounts(),
      current15: currentInterval(c15, current.s15),
      current30: currentInterval(c30, current.s30),
      levels: {},
    };
  }

  /** Queue figures summed over `names`; the longest wait is the caller's (it knows the queues' waits now). */
  private rollup(names: readonly string[], current: Current, counts: AgentCounts): TotalsLive {
    const day = emptyCounters();
    const c15 = emptyCounters();
    const c30 = emptyCounters();
    let waiting = 0;
    for (const name of names) {
      const q = this.queues.get(name);
      if (!q) {
        continue;
      }
      const p = this.periods(q, current);
      addCounters(day, p.day);
      addCounters(c15, p.c15);
      addCounters(c30, p.c30);
      waiting += q.waiting.size;
    }
    return {
      ...toPeriodFigures(day),
      waiting,
      longestWaitSec: 0,
      agents: counts,
      current15: currentInterval(c15, current.s15),
      current30: currentInterval(c30, current.s30),
      levels: {},
    };
  }

  private totals(queues: readonly QueueLive[], current: Current, counts: AgentCounts): TotalsLive {
    const totals = this.rollup(
      queues.map((q) => q.queue),
      current,
      counts,
    );
    totals.longestWaitSec = Math.max(0, ...queues.map((q) => q.longestWaitSec));
    return totals;
  }

  private teams(queues: readonly QueueLive[], current: Current, agents: FloorSnapshot['agents']): TeamLive[] {
    const names = new Set<string>([...Object.keys(this.opts.queueGroups ?? {})]);
    for (const a of agents) {
      if (a.team) {
        names.add(a.team);
      }
    }
    return [...names].sort().map((team) => {
      const counts = emptyAgentCounts();
      const served = new Set<string>(this.opts.queueGroups?.[team] ?? []);
      for (const a of agents) {
        if (a.team !== team) {
          continue;
        }
        if (!this.opts.queueGroups) {
          a.queues.forEach((q) => served.add(q));
        }
        if (a.state !== 'logged_out') {
          counts.loggedIn += 1;
          counts[a.state] += 1;
        }
      }
      const teamQueues = [...served].sort();
      const figures = this.rollup(teamQueues, current, counts);
      figures.longestWaitSec = Math.max(0, ...queues.filter((q) => served.has(q.queue)).map((q) => q.longestWaitSec));
      return { team, queues: teamQueues, ...figures };
    });
  }

  private intervals(): IntervalLive[] {
    const rows: IntervalLive[] = [];
    for (const [queue, q] of [...this.queues].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const [start, c] of [...q.buckets].sort(([a], [b]) => a - b)) {
        const f = toPeriodFigures(c);
        rows.push({
          queue,
          start: new Date(start).toISOString(),
          received: f.received,
          answered: f.answered,
          abandoned: f.abandoned,
          serviceLevel: f.serviceLevel,
        });
      }
    }
    return rows;
  }

  private channels(nowMs: number): ChannelLive[] {
    return CHANNELS.flatMap((channel) => {
      const queues = [...this.queues.values()].filter((q) => q.channel === channel);
      if (queues.length === 0) {
        return [];
      }
      const commitmentSec = this.commitment[channel];
      let waiting = 0;
      let oldestWaitSec = 0;
      let pastCommitment = 0;
      const total = emptyCounters();
      for (const q of queues) {
        waiting += q.waiting.size;
        for (const enteredAt of q.waiting.values()) {
          const wait = Math.floor((nowMs - enteredAt) / 1000);
          oldestWaitSec = Math.max(oldestWaitSec, wait);
          pastCommitment += wait > commitmentSec ? 1 : 0;
        }
        for (const c of q.buckets.values()) {
          addCounters(total, c);
        }
      }
      const f = toPeriodFigures(total);
      return [
        {
          channel,
          waiting,
          oldestWaitSec,
          commitmentSec,
          pastCommitment,
          received: f.received,
          answered: f.answered,
          levels: {},
        },
      ];
    });
  }
}

function currentInterval(counters: QueueCounters, startMs: number): CurrentInterval {
  return { ...toPeriodFigures(counters), start: new Date(startMs).toISOString() };
}
