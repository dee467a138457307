import { eventTime, type VigieEvent } from '@vigie/protocol';

/** One abandoned contact of the day, to call back. */
export interface AbandonedContact {
  contactId: string;
  queue: string;
  callerId: string | null;
  /** When the caller hung up, and how long they had waited. */
  abandonedAt: string;
  waitSec: number;
}

/** A caller's abandoned contacts of the day, grouped (repeat callers once), oldest first. */
export interface CallbackGroup {
  /** The caller id, or the contact id when the caller is unknown (never grouped then). */
  key: string;
  callerId: string | null;
  queues: string[];
  abandoned: AbandonedContact[];
  /** Contacts the caller made today (answered or not), and whether one was answered after the last abandon. */
  callsToday: number;
  reachedLater: boolean;
  lastAbandonedAt: string;
}

/**
 * The abandoned contacts of a day to call back, grouped by caller, from the day's events in commit order: a caller
 * whose later call was answered is marked `reachedLater` (no need to call back), repeat callers come once with all
 * their abandons. Only contacts that entered a queue count (the contact ledger's rule).
 */
export function callbacksOfDay(events: Iterable<VigieEvent>, dayStartMs: number, dayEndMs: number): CallbackGroup[] {
  const callerOf = new Map<string, string | null>();
  const calls = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const groups = new Map<string, CallbackGroup>();
  for (const event of events) {
    const at = eventTime(event);
    if (at < dayStartMs || at >= dayEndMs) {
      continue;
    }
    if (event.type === 'contact.queued') {
      const caller = event.callerId ?? null;
      if (!callerOf.has(event.contactId)) {
        callerOf.set(event.contactId, caller);
        if (caller) {
          calls.set(caller, (calls.get(caller) ?? 0) + 1);
        }
      }
    } else if (event.type === 'contact.answered') {
      const caller = callerOf.get(event.contactId);
      if (caller) {
        answeredAt.set(caller, Math.max(answeredAt.get(caller) ?? 0, at));
      }
    } else if (event.type === 'contact.abandoned' && callerOf.has(event.contactId)) {
      const callerId = callerOf.get(event.contactId) ?? null;
      const key = callerId ?? event.contactId;
      const group = groups.get(key) ?? {
        key,
        callerId,
        queues: [],
        abandoned: [],
        callsToday: 0,
        reachedLater: false,
        lastAbandonedAt: event.at,
      };
      if (!group.abandoned.some((a) => a.contactId === event.contactId)) {
        group.abandoned.push({
          contactId: event.contactId,
          queue: event.queue,
          callerId,
          abandonedAt: event.at,
          waitSec: event.waitSec,
        });
        group.queues = [...new Set([...group.queues, event.queue])].sort();
        group.lastAbandonedAt = event.at;
      }
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      callsToday: g.callerId ? (calls.get(g.callerId) ?? 0) : 1,
      reachedLater: g.callerId !== null && (answeredAt.get(g.callerId) ?? 0) > Date.parse(g.lastAbandonedAt),
    }))
    .sort((a, b) => (a.abandoned[0]!.abandonedAt < b.abandoned[0]!.abandonedAt ? -1 : 1));
}
