import { eventTime, type AgentLive, type Channel, type VigieEvent } from '@vigie/protocol';
import { AgentBook, movesAgents, type QueueWork } from './agent-book.js';
import { ContactLedger } from './contact-ledger.js';

export type Direction = 'inbound' | 'outbound';

/** An agent's day in one queue: counts, times and their averages over the contacts handled there. */
export interface AgentQueueDay extends QueueWork {
  direction: Direction;
  avgHandlingSec: number | null;
  avgTalkSec: number | null;
  avgWrapupSec: number | null;
  avgRingSec: number | null;
}

/** One row of the agent daily report: the live figures at the day's end, minus the live-only parts. */
export type AgentDayRow = Omit<
  AgentLive,
  'state' | 'since' | 'pauseReason' | 'queues' | 'levels' | 'ringNoAnswerInARow'
> & {
  ringSec: number;
  avgRingSec: number | null;
  transfers: number;
  longCalls: number;
  handledInbound: number;
  handledOutbound: number;
  byQueue: AgentQueueDay[];
};

const per = (total: number, count: number): number | null => (count > 0 ? total / count : null);

function queueDay(w: QueueWork, channel: Channel | undefined): AgentQueueDay {
  return {
    ...w,
    direction: channel === 'outbound' ? 'outbound' : 'inbound',
    avgHandlingSec: per(w.talkSec + w.wrapupSec, w.handled),
    avgTalkSec: per(w.talkSec, w.handled),
    avgWrapupSec: per(w.wrapupSec, w.handled),
    avgRingSec: per(w.ringSec, w.ringsTimed),
  };
}

const sum = (rows: readonly AgentQueueDay[], pick: (q: AgentQueueDay) => number): number =>
  rows.reduce((total, q) => total + pick(q), 0);

/**
 * The agents' figures of one business day from the site's events, by the live floor's own rules (AgentBook,
 * and the ContactLedger deciding which outcomes count): fed the events before the day so that states carried
 * over midnight are known, reset at the day's start, fed the day, read at its end. Events in commit order.
 * A queue is outbound when its contacts come on the `outbound` channel.
 */
export function agentDay(
  events: Iterable<VigieEvent>,
  timeZone: string,
  dayStartMs: number,
  dayEndMs: number,
): AgentDayRow[] {
  const book = new AgentBook();
  const ledger = new ContactLedger(timeZone);
  const channels = new Map<string, Channel>();
  let started = false;
  for (const event of events) {
    const at = eventTime(event);
    if (at >= dayEndMs) {
      continue;
    }
    if (!started && at >= dayStartMs) {
      book.startDay(dayStartMs);
      started = true;
    }
    if (event.type === 'contact.queued') {
      channels.set(event.queue, event.channel);
    }
    if (movesAgents(event, ledger.apply(event, at) !== undefined)) {
      book.apply(event, at);
    }
  }
  if (!started) {
    book.startDay(dayStartMs);
  }
  return book
    .listWithQueues(dayEndMs)
    .filter((a) => a.loggedInSec > 0 || a.handled > 0 || a.answered > 0)
    .map(
      ({
        state: _s,
        since: _since,
        pauseReason: _r,
        queues: _q,
        levels: _l,
        ringNoAnswerInARow: _n,
        byQueue,
        ...agent
      }) => {
        const rows = byQueue.map((w) => queueDay(w, channels.get(w.queue)));
        const ringSec = sum(rows, (q) => q.ringSec);
        return {
          ...agent,
          ringSec,
          avgRingSec: per(
            ringSec,
            sum(rows, (q) => q.ringsTimed),
          ),
          transfers: sum(rows, (q) => q.transfers),
          longCalls: sum(rows, (q) => q.longCalls),
          handledInbound: sum(rows, (q) => (q.direction === 'inbound' ? q.handled : 0)),
          handledOutbound: sum(rows, (q) => (q.direction === 'outbound' ? q.handled : 0)),
          byQueue: rows,
        };
      },
    );
}
