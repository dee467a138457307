import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  AlarmEvaluator,
  evaluateFloor,
  OverdueWatch,
  type ActionTypeTable,
  type AlarmTransition,
  type FloorState,
} from '@vigie/domain';
import type { ActionType, AlarmRule, FloorSnapshot } from '@vigie/protocol';
import { concatMap, Subject, type Subscription } from 'rxjs';
import { Database } from '../db/database.js';
import { LiveGateway } from '../live/live.gateway.js';
import { LiveService } from '../live/live.service.js';
import type { Site } from '../sites/site.schema.js';
import { AlarmMailer } from './alarm-mailer.js';
import { AlarmStore, type AlarmRow } from './alarm-store.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** Socket message on `/live` for every alarm change, to the site's room. */
export const ALARM_EVENT = 'alarm.transition';

/** What screens and webhooks receive for an alarm change. */
export interface AlarmNotice {
  site: string;
  type: AlarmTransition['type'] | 'acknowledged';
  previousLevel: AlarmTransition['previousLevel'];
  alarm: AlarmRow;
  /** A red alarm just raised or escalated: screens that allow it play a sound. */
  sound: boolean;
}

/** After (re)building a site's evaluator, wait this much more than the longest minimum duration before
 * clearing stored alarms it no longer sees (they may be on their way back). */
const SETTLE_MS = 5000;

interface SiteAlarms {
  evaluator: AlarmEvaluator;
  overdue: OverdueWatch;
  actionTypes: ActionTypeTable;
  /** When stale stored alarms may be cleared; undefined once done. */
  reconcileAtMs: number | undefined;
}

type Work = { site: string; transitions: AlarmTransition[] } | { site: string; reconcile: string[]; atMs: number };

/**
 * The alarms of every site: rules evaluated on each live snapshot (levels and active alarms written into it),
 * transitions stored in order with their webhook deliveries in the same transaction, then pushed to the site's
 * screens. Evaluation is synchronous on the live path; storage runs behind it, one change at a time.
 */
@Injectable()
export class AlarmEngine implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlarmEngine.name);
  private readonly sites = new Map<string, SiteAlarms>();
  private readonly work = new Subject<Work>();
  private subscription: Subscription | undefined;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AlarmStore) private readonly store: AlarmStore,
    @Inject(WebhookDispatcher) private readonly webhooks: WebhookDispatcher,
    @Inject(LiveService) private readonly live: LiveService,
    @Inject(LiveGateway) private readonly gateway: LiveGateway,
    @Inject(AlarmMailer) private readonly mailer: AlarmMailer,
  ) {}

  onModuleInit(): void {
    this.subscription = this.work
      .pipe(concatMap((w) => this.store$(w)))
      .subscribe({ error: (error: unknown) => this.logger.error({ err: error }, 'alarm storage stopped') });
    this.live.addStage((site, floor) => this.stage(site, floor));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Rebuilds a site's evaluation after its rules or action types changed (alarms that still hold are found
   * open again). */
  async reload(siteId: string): Promise<void> {
    const alarms = this.sites.get(siteId);
    if (alarms) {
      const [rules, types] = await Promise.all([this.store.rules(siteId), this.store.actionTypes(siteId)]);
      Object.assign(alarms, this.build(rules, types, (await this.siteZone(siteId)) ?? 'UTC'));
    }
  }

  /** Marks an alarm as seen on the live floor (it stays active). */
  acknowledged(site: string, key: string): void {
    const alarms = this.sites.get(site);
    if (alarms && !alarms.evaluator.acknowledge(key)) {
      alarms.overdue.acknowledge(key);
    }
  }

  announce(notice: AlarmNotice): void {
    this.gateway.emitToSite(notice.site, ALARM_EVENT, notice);
  }

  private async stage(
    site: Site,
    floor: FloorState,
  ): Promise<(snapshot: FloorSnapshot, nowMs: number) => FloorSnapshot> {
    const [rules, types] = await Promise.all([this.store.rules(site.id), this.store.actionTypes(site.id)]);
    const alarms = this.build(rules, types, site.timezone);
    this.sites.set(site.id, alarms);
    return (snapshot, nowMs) => {
      const overdue = { watch: alarms.overdue, waiting: floor.waitingContacts(), table: alarms.actionTypes };
      const transitions = evaluateFloor(snapshot, site.id, alarms.evaluator, nowMs, overdue);
      if (transitions.length > 0) {
        this.work.next({ site: site.id, transitions });
      }
      if (alarms.reconcileAtMs !== undefined && nowMs >= alarms.reconcileAtMs) {
        alarms.reconcileAtMs = undefined;
        const active = [...alarms.evaluator.active(), ...alarms.overdue.active()].map((a) => a.key);
        this.work.next({ site: site.id, reconcile: active, atMs: nowMs });
      }
      return snapshot;
    };
  }

  private build(rules: readonly AlarmRule[], types: readonly ActionType[], timeZone: string): SiteAlarms {
    const longestMinMs = Math.max(0, ...rules.map((r) => r.minDurationSec * 1000));
    return {
      evaluator: new AlarmEvaluator(rules, { timeZone }),
      overdue: new OverdueWatch(),
      // Only contacts that come with an action type have its delay; the others have the wait rules.
      actionTypes: { types },
      reconcileAtMs: Date.now() + longestMinMs + SETTLE_MS,
    };
  }

  private async siteZone(siteId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ timezone: string }>(`select timezone from sites where id = $1`, [siteId]);
    return rows[0]?.timezone;
  }

  private async store$(w: Work): Promise<void> {
    try {
      const notices = await this.db.transaction(async (tx) => {
        const out: AlarmNotice[] = [];
        if ('reconcile' in w) {
          for (const alarm of await this.store.clearStale(tx, w.site, w.reconcile, w.atMs)) {
            out.push({ site: w.site, type: 'cleared', previousLevel: alarm.level, alarm, sound: false });
          }
        } else {
          for (const t of w.transitions) {
            const alarm = await this.store.applyTransition(tx, w.site, t);
            if (alarm) {
              const sound = t.level === 'red' && (t.type === 'raised' || t.type === 'escalated');
              out.push({ site: w.site, type: t.type, previousLevel: t.previousLevel, alarm, sound });
            }
          }
        }
        for (const notice of out) {
          await this.webhooks.enqueue(tx, w.site, `alarm.${notice.type}`, notice);
        }
        return out;
      });
      if (notices.length > 0) {
        this.webhooks.wake();
        for (const notice of notices) {
          this.announce(notice);
          this.mailer.notify(notice);
        }
      }
    } catch (error) {
      this.logger.error({ err: error, site: w.site }, 'alarm changes not stored');
    }
  }
}
