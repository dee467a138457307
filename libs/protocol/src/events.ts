import { z } from 'zod';

/**
 * Normalized events: what every source (JSON ingest, Asterisk queue_log, the simulator) is turned into
 * before it is stored in the event log. Discriminated on `type`, dotted past-tense names.
 * Documented with examples in docs/events.md.
 */

const Name = z.string().trim().min(1).max(200);
const Seconds = z
  .number()
  .finite()
  .nonnegative()
  .max(31 * 24 * 3600);

export const Channel = z.enum(['voice', 'email', 'chat', 'social', 'callback', 'outbound']);
export type Channel = z.infer<typeof Channel>;

/** Fields every event has: an idempotency key, the site and when it happened (UTC). */
const Base = z.object({
  /** Idempotency key, unique per site: sending the same id twice stores the event once. */
  id: z.string().min(1).max(200),
  site: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a site id: lowercase letters, digits, - and _'),
  /** ISO-8601 in UTC with a `Z`, e.g. `2026-03-10T08:15:02.120Z`. Offsets are refused: convert at the source. */
  at: z.iso.datetime({ message: 'an ISO-8601 UTC time ending in Z, e.g. 2026-03-10T08:15:02Z' }),
});

/** `queue` absent: the agent logs in to (or out of) every queue it serves; present: that queue only. */
export const AgentLoggedIn = Base.extend({
  type: z.literal('agent.logged_in'),
  agent: Name,
  queue: Name.optional(),
  /** Display name and team, when the source knows them. */
  name: Name.optional(),
  team: Name.optional(),
});
export const AgentLoggedOut = Base.extend({ type: z.literal('agent.logged_out'), agent: Name, queue: Name.optional() });
export const AgentPaused = Base.extend({
  type: z.literal('agent.paused'),
  agent: Name,
  /** Pause reason code as the telephony system writes it (break, lunch, training…). */
  reason: z.string().trim().max(100).optional(),
  queue: Name.optional(),
});
export const AgentReady = Base.extend({ type: z.literal('agent.ready'), agent: Name, queue: Name.optional() });
export const AgentWrapup = Base.extend({
  type: z.literal('agent.wrapup'),
  agent: Name,
  contactId: Name.optional(),
  queue: Name.optional(),
});

export const ContactQueued = Base.extend({
  type: z.literal('contact.queued'),
  contactId: Name,
  queue: Name,
  channel: Channel.default('voice'),
  /** Action type (priority and maximum delay are per-site configuration), e.g. `Appel VIP`. */
  actionType: Name.optional(),
  callerId: z.string().max(100).optional(),
  position: z.number().int().positive().optional(),
});
export const ContactRinging = Base.extend({
  type: z.literal('contact.ringing'),
  contactId: Name,
  queue: Name,
  agent: Name,
});
export const ContactRingNoAnswer = Base.extend({
  type: z.literal('contact.ring_no_answer'),
  contactId: Name,
  queue: Name,
  agent: Name,
  ringSec: Seconds,
});
export const ContactAnswered = Base.extend({
  type: z.literal('contact.answered'),
  contactId: Name,
  queue: Name,
  agent: Name,
  /** Time from entering the queue to the connection (ringing included). */
  waitSec: Seconds,
  ringSec: Seconds.optional(),
});
export const ContactAbandoned = Base.extend({
  type: z.literal('contact.abandoned'),
  contactId: Name,
  queue: Name,
  waitSec: Seconds,
  position: z.number().int().positive().optional(),
  /** Set when the caller hung up just as an agent answered (queue_log ABANDON with a member). */
  agent: Name.optional(),
});
export const NotDistributedReason = z.enum(['timeout', 'empty', 'key', 'withdrawn']);
export type NotDistributedReason = z.infer<typeof NotDistributedReason>;
export const ContactNotDistributed = Base.extend({
  type: z.literal('contact.not_distributed'),
  contactId: Name,
  queue: Name,
  waitSec: Seconds,
  reason: NotDistributedReason,
  key: z.string().max(10).optional(),
});
export const ContactTransferred = Base.extend({
  type: z.literal('contact.transferred'),
  contactId: Name,
  queue: Name,
  agent: Name,
  talkSec: Seconds,
  waitSec: Seconds.optional(),
  kind: z.enum(['blind', 'attended', 'legacy']).default('blind'),
  target: z.string().max(200).optional(),
});
export const Outcome = z.object({
  /** Resolved at first contact. */
  fcr: z.boolean().optional(),
  appointment: z.boolean().optional(),
  sale: z.object({ amountCents: z.number().int().nonnegative(), currency: z.string().length(3) }).optional(),
  /** Customer satisfaction, 1 (worst) to 5 (best). */
  csat: z.number().int().min(1).max(5).optional(),
});
export type Outcome = z.infer<typeof Outcome>;
export const ContactEnded = Base.extend({
  type: z.literal('contact.ended'),
  contactId: Name,
  queue: Name,
  agent: Name,
  talkSec: Seconds,
  waitSec: Seconds.optional(),
  wrapupSec: Seconds.optional(),
  endedBy: z.enum(['caller', 'agent']).optional(),
  outcome: Outcome.optional(),
});
/** A source line the product does not interpret (custom queue_log verbs…), kept in the log as it came. */
export const SourceUnknown = Base.extend({
  type: z.literal('source.unknown'),
  verb: z.string().max(100),
  fields: z.array(z.string().max(2000)).max(20),
  contactId: z.string().max(200).optional(),
  queue: z.string().max(200).optional(),
  agent: z.string().max(200).optional(),
});

export const VigieEvent = z.discriminatedUnion('type', [
  AgentLoggedIn,
  AgentLoggedOut,
  AgentPaused,
  AgentReady,
  AgentWrapup,
  ContactQueued,
  ContactRinging,
  ContactRingNoAnswer,
  ContactAnswered,
  ContactAbandoned,
  ContactNotDistributed,
  ContactTransferred,
  ContactEnded,
  SourceUnknown,
]);
export type VigieEvent = z.infer<typeof VigieEvent>;
export type VigieEventType = VigieEvent['type'];
export type EventOf<T extends VigieEventType> = Extract<VigieEvent, { type: T }>;
export type AgentEvent = EventOf<
  'agent.logged_in' | 'agent.logged_out' | 'agent.paused' | 'agent.ready' | 'agent.wrapup'
>;
export type ContactEvent = Exclude<VigieEvent, AgentEvent | EventOf<'source.unknown'>>;

export const EVENT_TYPES = VigieEvent.options.map((o) => o.shape.type.value);

/** An event as the log holds it: the validated event plus the time it was committed and its position. */
export interface StoredEvent {
  /** Position in the site's log (commit order). */
  seq: number;
  event: VigieEvent;
}

let lastAt = '';
let lastMs = Number.NaN;

/** Epoch milliseconds of an event's `at` (the last one remembered: events of a batch often share their second). */
export function eventTime(event: Pick<VigieEvent, 'at'>): number {
  if (event.at !== lastAt) {
    lastAt = event.at;
    lastMs = Date.parse(event.at);
  }
  return lastMs;
}
