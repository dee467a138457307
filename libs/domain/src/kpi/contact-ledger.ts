import { eventTime, type Channel, type FigureRules, type VigieEvent } from '@vigie/protocol';
import { emptyCounters, type QueueCounters } from './counters.js';
import { CONTRACT_DEFINITION, contractDefinition, type DefinitionResolver } from './figure-definitions.js';
import { IntervalClock } from './interval-clock.js';

/** A change to the counters of one queue and 15-minute interval (the one the contact entered in). */
export interface CounterDelta {
  queue: string;
  bucketStartMs: number;
  /** Id of the figure definition the contact follows. */
  definition: string;
  counters: QueueCounters;
}

export interface OpenContact {
  contactId: string;
  queue: string;
  channel: Channel;
  enteredAtMs: number;
  bucketStartMs: number;
  connected: boolean;
  /** The figure definition the contact follows (the one in force on the business day it entered). */
  rules: FigureRules;
}

/** The contract's service-level target (the `contract-v1` figure definition). */
export const DEFAULT_SL_TARGET_SEC = CONTRACT_DEFINITION.targetSec;
/** Contacts still open this long after entering are forgotten (memory stays bounded). */
export const CONTACT_HORIZON_MS = 24 * 3600_000;

const key = (contactId: string, queue: string) => `${queue}\u0000${contactId}`;

/**
 * Follows contacts from `contact.queued` to their outcome and says which counters each event changes:
 * a contact counts in the queue and interval in which it ENTERED the queue (CONTRACT.md). Outcomes of a
 * contact never seen queued are ignored; a contact closes once (a second outcome is ignored).
 * The live floor and the report rollups both fold events through this one class.
 */
export class ContactLedger {
  private readonly open = new Map<string, OpenContact>();
  private readonly clock: IntervalClock;
  private applied = 0;

  constructor(
    timeZone: string,
    /** The figure definition of a contact, decided once when it enters (contract's by default). */
    private readonly definitionOf: DefinitionResolver = contractDefinition,
  ) {
    this.clock = new IntervalClock(timeZone);
  }

  /** The counters this event changes, or undefined when it changes none. */
  apply(event: VigieEvent, atMs: number = eventTime(event)): CounterDelta | undefined {
    if (++this.applied % 50_000 === 0) {
      this.forgetOlderThan(atMs - CONTACT_HORIZON_MS);
    }
    switch (event.type) {
      case 'contact.queued':
        return this.queued(event.contactId, event.queue, event.channel, atMs);
      case 'contact.answered': {
        const c = this.open.get(key(event.contactId, event.queue));
        if (!c || c.connected) {
          return undefined;
        }
        c.connected = true;
        const d = this.delta(c);
        d.counters.answered = 1;
        d.counters.waitAnsweredSumSec = event.waitSec;
        d.counters.answeredWithinSl = event.waitSec <= c.rules.targetSec ? 1 : 0;
        d.counters.maxWaitSec = event.waitSec;
        return d;
      }
      case 'contact.abandoned':
      case 'contact.not_distributed': {
        const c = this.open.get(key(event.contactId, event.queue));
        if (!c || c.connected) {
          return undefined;
        }
        this.open.delete(key(c.contactId, c.queue));
        const d = this.delta(c);
        if (event.type === 'contact.abandoned') {
          d.counters.abandoned = 1;
          const short = c.rules.shortAbandonSec;
          d.counters.excluded = short !== null && event.waitSec < short ? 1 : 0;
        } else {
          d.counters.notDistributed = 1;
          d.counters.excluded = c.rules.countNotDistributed ? 0 : 1;
        }
        d.counters.maxWaitSec = event.waitSec;
        return d;
      }
      case 'contact.ended':
      case 'contact.transferred': {
        const c = this.open.get(key(event.contactId, event.queue));
        if (!c) {
          return undefined;
        }
        this.open.delete(key(c.contactId, c.queue));
        const d = this.delta(c);
        d.counters.talkSumSec = event.talkSec;
        d.counters.talkCount = 1;
        return d;
      }
      default:
        return undefined;
    }
  }

  get(contactId: string, queue: string): OpenContact | undefined {
    return this.open.get(key(contactId, queue));
  }

  openContacts(): IterableIterator<OpenContact> {
    return this.open.values();
  }

  /** Start of the 15-minute interval containing `atMs` in the site's zone. */
  bucketOf(atMs: number): number {
    return this.clock.start15(atMs);
  }

  private queued(contactId: string, queue: string, channel: Channel, atMs: number): CounterDelta | undefined {
    const k = key(contactId, queue);
    if (this.open.has(k)) {
      return undefined;
    }
    const c: OpenContact = {
      contactId,
      queue,
      channel,
      enteredAtMs: atMs,
      bucketStartMs: this.clock.start15(atMs),
      connected: false,
      rules: this.definitionOf(queue, atMs),
    };
    this.open.set(k, c);
    const d = this.delta(c);
    d.counters.offered = 1;
    return d;
  }

  private delta(c: OpenContact): CounterDelta {
    return { queue: c.queue, bucketStartMs: c.bucketStartMs, definition: c.rules.id, counters: emptyCounters() };
  }

  private forgetOlderThan(limitMs: number): void {
    for (const [k, c] of this.open) {
      if (c.enteredAtMs < limitMs) {
        this.open.delete(k);
      }
    }
  }
}
