import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { businessDay, callbacksOfDay, dayBounds, type CallbackGroup } from '@vigie/domain';
import type { VigieEvent } from '@vigie/protocol';
import { stringify } from 'csv-stringify/sync';
import { AuditLog } from '../auth/audit-log.js';
import { Database } from '../db/database.js';
import { EventLogRepository } from '../events/event-log.repository.js';
import { cutoverMinute, type Site } from '../sites/site.schema.js';
import { CLOSING_OUTCOMES, type CallbackMark } from './callbacks.schema.js';

export interface Mark {
  outcome: string;
  note: string | null;
  by: string;
  at: string;
}

export type CallbackStatus = 'open' | 'done' | 'reached_later';

export interface CallbackRow extends CallbackGroup {
  status: CallbackStatus;
  marks: Mark[];
}

export interface CallbackList {
  site: string;
  day: string;
  /** Callers still to call back (not reached since, not closed by a mark). */
  toCallBack: number;
  callers: CallbackRow[];
}

/** Today's (or a day's) abandoned callers to call back, their marks, and the payroll-style export. */
@Injectable()
export class CallbacksService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventLogRepository) private readonly log: EventLogRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(site: Site, day: string | undefined, now = Date.now()): Promise<CallbackList> {
    const cutover = cutoverMinute(site);
    const date = day ?? businessDay(now, site.timezone, cutover).date;
    const { startMs, endMs } = dayBounds(date, site.timezone, cutover);
    const events: VigieEvent[] = [];
    for await (const page of this.log.readRange(site.id, startMs, endMs)) {
      events.push(...page.map((s) => s.event));
    }
    const marks = await this.marks(site.id, date);
    const callers = callbacksOfDay(events, startMs, endMs).map((g): CallbackRow => {
      const own = marks.get(g.key) ?? [];
      const closed = own.some((m) => CLOSING_OUTCOMES.includes(m.outcome));
      return { ...g, marks: own, status: closed ? 'done' : g.reachedLater ? 'reached_later' : 'open' };
    });
    return { site: site.id, day: date, toCallBack: callers.filter((c) => c.status === 'open').length, callers };
  }

  async mark(site: Site, key: string, body: CallbackMark, actor: string): Promise<Mark> {
    const list = await this.list(site, body.day);
    if (!list.callers.some((c) => c.key === key)) {
      throw new NotFoundException(`no abandoned caller "${key}" on ${body.day} at site ${site.id}`);
    }
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Mark>(
        `insert into callback_marks (site, day, key, outcome, note, by_actor) values ($1, $2, $3, $4, $5, $6)
         returning outcome, note, by_actor as "by", at`,
        [site.id, body.day, key, body.outcome, body.note ?? null, actor],
      );
      const mark = rows[0]!;
      await this.audit.record(
        { actor, action: 'callback.mark', target: key, site: site.id, after: { ...body, ...mark } },
        tx,
      );
      return mark;
    });
  }

  /** The list as CSV for a spreadsheet: one line per caller, UTF-8 with a BOM (csv-stringify). */
  csv(list: CallbackList): string {
    const header = [
      'caller',
      'caller_id',
      'queues',
      'abandons',
      'first_abandoned_at',
      'last_abandoned_at',
      'longest_wait_sec',
      'calls_today',
      'status',
      'last_outcome',
      'last_by',
      'last_at',
    ];
    const rows = list.callers.map((c) => {
      const last = c.marks.at(-1);
      return [
        c.key,
        c.callerId ?? '',
        c.queues.join(' '),
        c.abandoned.length,
        c.abandoned[0]!.abandonedAt,
        c.lastAbandonedAt,
        Math.max(...c.abandoned.map((a) => a.waitSec)),
        c.callsToday,
        c.status,
        last?.outcome ?? '',
        last?.by ?? '',
        last ? new Date(last.at).toISOString() : '',
      ];
    });
    return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
  }

  private async marks(site: string, day: string): Promise<Map<string, Mark[]>> {
    const { rows } = await this.db.query<Mark & { key: string }>(
      `select key, outcome, note, by_actor as "by", at from callback_marks where site = $1 and day = $2 order by id`,
      [site, day],
    );
    const byKey = new Map<string, Mark[]>();
    for (const { key, ...mark } of rows) {
      byKey.set(key, [...(byKey.get(key) ?? []), mark]);
    }
    return byKey;
  }
}
