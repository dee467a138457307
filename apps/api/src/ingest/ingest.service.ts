import { Inject, Injectable } from '@nestjs/common';
import type { IngestResult, Rejection, VigieEvent } from '@vigie/protocol';
import { Mutex } from 'async-mutex';
import { EventBus } from '../bus/event-bus.js';
import { EventLogRepository } from '../events/event-log.repository.js';

/** One line (or array item) of an upload: the events it gave, or why it was refused. */
export type IngestItem = { line: number; events: VigieEvent[] } | { line: number; rejected: string };

/** Extends CONTRACT's answer: how many lines were refused in all, when the listed ones are capped. */
export interface IngestSummary extends IngestResult {
  rejectedTotal: number;
}

export const BATCH_SIZE = 2_000;
export const MAX_LISTED_REJECTIONS = 10_000;

/**
 * Streams items into the event log in batches. A batch is one statement (all or nothing); an upload is
 * acknowledged only once every batch is committed; committed events are published to the live engine.
 * One writer per site at a time, so the log's `seq` is the site's commit order.
 */
@Injectable()
export class IngestService {
  private readonly locks = new Map<string, Mutex>();

  constructor(
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  async ingest(site: string, items: AsyncIterable<IngestItem> | Iterable<IngestItem>): Promise<IngestSummary> {
    const result: IngestSummary = { lines: 0, events: 0, duplicates: 0, rejected: [], rejectedTotal: 0 };
    let pending: VigieEvent[] = [];
    for await (const item of items) {
      result.lines = Math.max(result.lines, item.line);
      if ('rejected' in item) {
        result.rejectedTotal += 1;
        if (result.rejected.length < MAX_LISTED_REJECTIONS) {
          result.rejected.push({ line: item.line, reason: item.rejected } satisfies Rejection);
        }
        continue;
      }
      pending.push(...item.events);
      if (pending.length >= BATCH_SIZE) {
        await this.flush(site, pending, result);
        pending = [];
      }
    }
    await this.flush(site, pending, result);
    return result;
  }

  private async flush(site: string, events: VigieEvent[], result: IngestSummary): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const lock = this.locks.get(site) ?? new Mutex();
    this.locks.set(site, lock);
    await lock.runExclusive(async () => {
      const appended = await this.log.append(site, events);
      result.events += appended.stored.length;
      result.duplicates += appended.duplicates;
      this.bus.publish({ site, events: appended.stored });
    });
  }
}
