import { eventTime, type AgentKpiFigure, type AgentLive, type VigieEvent } from '@vigie/protocol';
import { AgentBook, movesAgents } from '../kpi/agent-book.js';
import { ContactLedger } from '../kpi/contact-ledger.js';
import { addCounters, emptyCounters, mergeCounters, toPeriodFigures, type QueueCounters } from '../kpi/counters.js';
import type { DefinitionResolver } from '../kpi/figure-definitions.js';
import { businessDay, listIntervals } from '../time/business-day.js';

/** One agent's KPI-fed figures over a period (docs/evaluation.md, "KPI-fed figures"). */
export interface AgentPeriodRow {
  agent: string;
  /** The last name and team the event log gave the agent up to the period's end (a login carried in counts). */
  name: string | null;
  team: string | null;
  kpis: Record<AgentKpiFigure, number | null>;
  /** Sum of the daily report's `loggedInSec` over the period's days. */
  loggedInSec: number;
  handled: number;
  /** Local business days (`YYYY-MM-DD`) with a login or logged-in time, sorted. */
  daysLoggedIn: string[];
}

export interface PeriodKpis {
  /** By agent id. */
  agents: AgentPeriodRow[];
  /**
   * Per team: the period figures (`toPeriodFigures`, numeric ones only) of the merged counters of the queues the
   * team's agents handled contacts in during the period, for the collective pay rules.
   */
  teams: Record<string, Record<string, number>>;
}

export interface PeriodKpiOptions {
  timeZone: string;
  /** The period is [startMs, endMs), normally from the start of its first business day to the end of its last. */
  startMs: number;
  endMs: number;
  /** The site's business-day cut-over (minutes after local midnight), 0 by default. */
  cutoverMinute?: number;
  /** The site's figure definitions (`FigureBook.resolve`), for the team figures; the contract's by default. */
  definitions?: DefinitionResolver;
}

interface DayWindow {
  date: string;
  startMs: number;
  endMs: number;
}

interface AgentTotals {
  name: string | null;
  team: string | null;
  loggedInSec: number;
  answered: number;
  handled: number;
  ringNoAnswer: number;
  /** Talk + wrap-up seconds. */
  handlingSec: number;
  fcrTrue: number;
  fcrKnown: number;
  appointments: number;
  sales: number;
  revenueCents: number;
  csatSum: number;
  csatCount: number;
  days: Set<string>;
  /** Queues the agent handled contacts in during the period. */
  queues: Set<string>;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The KPI-fed figures of every agent over a period, folded one event at a time (nothing kept per event: agents'
 * states, open contacts, and a few counters per agent and queue). Follows the agent daily report exactly: the same
 * AgentBook reset at each business day's start and read at its end, the same ContactLedger deciding which outcomes
 * count; the period's figures are the sums over its days.
 *
 * Events in commit order. Events before `startMs` may be fed so that states carried into the period are known (a
 * login, a call in progress); they count for nothing. Events at or after `endMs` are ignored. `result()` closes the
 * period: later events are refused.
 */
export class PeriodKpiAccumulator {
  private readonly book = new AgentBook();
  private readonly ledger: ContactLedger;
  private readonly days: DayWindow[];
  /** Index in `days` of the day being fed; -1 before the period. */
  private day = -1;
  private readonly agents = new Map<string, AgentTotals>();
  private readonly queues = new Map<string, QueueCounters>();
  private done: PeriodKpis | null = null;

  constructor(private readonly opts: PeriodKpiOptions) {
    this.ledger = new ContactLedger(opts.timeZone, opts.definitions);
    const cutover = opts.cutoverMinute ?? 0;
    this.days =
      opts.endMs > opts.startMs
        ? listIntervals(opts.startMs, opts.endMs, opts.timeZone, 'day', cutover).map((start) => {
            const d = businessDay(start, opts.timeZone, cutover);
            return { date: d.date, startMs: Math.max(d.startMs, opts.startMs), endMs: Math.min(d.endMs, opts.endMs) };
          })
        : [];
  }

  add(event: VigieEvent): void {
    if (this.done) {
      throw new Error('PeriodKpiAccumulator: the period is closed (result() was called)');
    }
    const at = eventTime(event);
    if (at >= this.opts.endMs) {
      return;
    }
    this.advanceTo(at);
    const inPeriod = at >= this.opts.startMs;
    const delta = this.ledger.apply(event, at);
    if (delta && inPeriod && delta.bucketStartMs >= this.opts.startMs && delta.bucketStartMs < this.opts.endMs) {
      let c = this.queues.get(delta.queue);
      if (!c) {
        c = emptyCounters();
        this.queues.set(delta.queue, c);
      }
      addCounters(c, delta.counters);
    }
    if (!movesAgents(event, delta !== undefined)) {
      return;
    }
    this.book.apply(event, at);
    if (!inPeriod || this.day < 0) {
      return;
    }
    switch (event.type) {
      case 'agent.logged_in': {
        const t = this.totals(event.agent);
        t.name = event.name ?? t.name;
        t.team = event.team ?? t.team;
        t.days.add((this.days[this.day] as DayWindow).date);
        break;
      }
      case 'contact.transferred':
        this.totals(event.agent).queues.add(event.queue);
        break;
      case 'contact.ended': {
        const t = this.totals(event.agent);
        t.queues.add(event.queue);
        const o = event.outcome;
        if (o) {
          if (o.fcr !== undefined) {
            t.fcrKnown += 1;
            t.fcrTrue += o.fcr ? 1 : 0;
          }
          t.appointments += o.appointment ? 1 : 0;
          if (o.sale) {
            t.sales += 1;
            t.revenueCents += o.sale.amountCents;
          }
          if (o.csat !== undefined) {
            t.csatSum += o.csat;
            t.csatCount += 1;
          }
        }
        break;
      }
      default:
        break;
    }
  }

  result(): PeriodKpis {
    if (this.done) {
      return this.done;
    }
    this.advanceTo(this.opts.endMs);
    if (this.day >= 0) {
      this.closeDay(this.days[this.day] as DayWindow);
    }
    const agents: AgentPeriodRow[] = [];
    const teamQueues = new Map<string, Set<string>>();
    for (const [agent, t] of [...this.agents].sort(([a], [b]) => byId(a, b))) {
      if (t.loggedInSec === 0 && t.handled === 0 && t.answered === 0 && t.ringNoAnswer === 0 && t.days.size === 0) {
        continue;
      }
      agents.push({
        agent,
        name: t.name,
        team: t.team,
        kpis: {
          serviceQuality: ratio(t.answered, t.answered + t.ringNoAnswer),
          contactsPerHour: ratio(t.handled, t.loggedInSec / 3600),
          ahtSec: ratio(t.handlingSec, t.handled),
          fcr: ratio(t.fcrTrue, t.fcrKnown),
          appointmentsPerCall: ratio(t.appointments, t.handled),
          salesPerAppointment: ratio(t.sales, t.appointments),
          revenueCents: t.revenueCents,
          csat: ratio(t.csatSum, t.csatCount),
          punctuality: null,
        },
        loggedInSec: t.loggedInSec,
        handled: t.handled,
        daysLoggedIn: [...t.days].sort(),
      });
      if (t.team !== null) {
        const set = teamQueues.get(t.team) ?? new Set<string>();
        t.queues.forEach((q) => set.add(q));
        teamQueues.set(t.team, set);
      }
    }
    const teams: Record<string, Record<string, number>> = {};
    for (const [team, queues] of [...teamQueues].sort(([a], [b]) => byId(a, b))) {
      let merged = emptyCounters();
      for (const q of queues) {
        const c = this.queues.get(q);
        merged = c ? mergeCounters(merged, c) : merged;
      }
      const figures: Record<string, number> = {};
      for (const [name, value] of Object.entries(toPeriodFigures(merged))) {
        if (typeof value === 'number') {
          figures[name] = value;
        }
      }
      teams[team] = figures;
    }
    this.done = { agents, teams };
    return this.done;
  }

  /** Closes the days that end at or before `at` and starts the one containing it (as agentDay does). */
  private advanceTo(at: number): void {
    while (this.day + 1 < this.days.length && at >= (this.days[this.day + 1] as DayWindow).startMs) {
      if (this.day >= 0) {
        this.closeDay(this.days[this.day] as DayWindow);
      }
      this.day += 1;
      this.book.startDay((this.days[this.day] as DayWindow).startMs);
    }
  }

  /** Adds the day's figures, read at its end as the agent daily report reads them. */
  private closeDay(day: DayWindow): void {
    for (const view of this.book.list(day.endMs)) {
      if (view.loggedInSec > 0 || view.handled > 0 || view.answered > 0 || view.ringNoAnswer > 0) {
        this.addDay(day, view);
      }
    }
  }

  private addDay(day: DayWindow, view: AgentLive): void {
    const t = this.totals(view.agent);
    t.name = view.name ?? t.name;
    t.team = view.team ?? t.team;
    t.loggedInSec += view.loggedInSec;
    t.answered += view.answered;
    t.handled += view.handled;
    t.ringNoAnswer += view.ringNoAnswer;
    // The report's own talk + wrap-up (unrounded) when the day has handled contacts, else its whole seconds.
    t.handlingSec += view.avgHandlingSec !== null ? view.avgHandlingSec * view.handled : view.talkSec + view.wrapupSec;
    if (view.loggedInSec > 0) {
      t.days.add(day.date);
    }
  }

  private totals(agent: string): AgentTotals {
    let t = this.agents.get(agent);
    if (!t) {
      t = {
        name: null,
        team: null,
        loggedInSec: 0,
        answered: 0,
        handled: 0,
        ringNoAnswer: 0,
        handlingSec: 0,
        fcrTrue: 0,
        fcrKnown: 0,
        appointments: 0,
        sales: 0,
        revenueCents: 0,
        csatSum: 0,
        csatCount: 0,
        days: new Set(),
        queues: new Set(),
      };
      this.agents.set(agent, t);
    }
    return t;
  }
}

/** `PeriodKpiAccumulator` over an iterable of events (commit order). */
export function agentPeriodKpis(events: Iterable<VigieEvent>, opts: PeriodKpiOptions): PeriodKpis {
  const acc = new PeriodKpiAccumulator(opts);
  for (const event of events) {
    acc.add(event);
  }
  return acc.result();
}
