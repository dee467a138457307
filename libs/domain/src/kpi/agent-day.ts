import { eventTime, type AgentLive, type VigieEvent } from '@vigie/protocol';
import { AgentBook, movesAgents } from './agent-book.js';
import { ContactLedger } from './contact-ledger.js';

/**
 * The agents' figures of one business day from the site's events, by the live floor's own rules (AgentBook,
 * and the ContactLedger deciding which outcomes count): fed the events before the day so that states carried
 * over midnight are known, reset at the day's start, fed the day, read at its end. Events in commit order.
 */
export function agentDay(
  events: Iterable<VigieEvent>,
  timeZone: string,
  dayStartMs: number,
  dayEndMs: number,
): AgentLive[] {
  const book = new AgentBook();
  const ledger = new ContactLedger(timeZone);
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
    if (movesAgents(event, ledger.apply(event, at) !== undefined)) {
      book.apply(event, at);
    }
  }
  if (!started) {
    book.startDay(dayStartMs);
  }
  return book.list(dayEndMs).filter((a) => a.loggedInSec > 0 || a.handled > 0 || a.answered > 0);
}
