import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { Database, type Queryable } from '../db/database.js';
import { signWebhook } from './webhook-signature.js';

/** After this many failed attempts a delivery is given up (marked failed, kept in the log). */
export const MAX_ATTEMPTS = 8;
const BATCH = 20;
const TIMEOUT_MS = 5000;
/** While an attempt is in flight its row is leased for this long, so another instance does not send it too. */
const LEASE_SEC = 30;

interface DueDelivery {
  id: number;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Outgoing webhooks as an outbox: a delivery row is written in the same transaction as the alarm change it
 * announces, then sent by this dispatcher, signed (`webhook-signature.ts`), retried with exponential back-off
 * (base × 2^(attempt−1), at most an hour apart) up to `MAX_ATTEMPTS`, every attempt's status kept. Rows are
 * claimed with `for update skip locked`, so several instances share the work without sending one twice.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), 1000);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Queues `event` for every active webhook of the site, inside the caller's transaction. */
  async enqueue(tx: Queryable, site: string, event: string, payload: unknown): Promise<void> {
    await tx.query(
      `insert into webhook_deliveries (webhook_id, event, payload)
       select id, $2, $3 from webhooks where site = $1 and disabled_at is null`,
      [site, event, JSON.stringify(payload)],
    );
  }

  /** Sends what is due now (called after a commit that queued deliveries, and every second). */
  wake(): void {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'webhook dispatch failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await this.claim();
      await Promise.all(due.map((d) => this.attempt(d)));
      if (due.length < BATCH || this.stopped) {
        return;
      }
    }
  }

  private async claim(): Promise<DueDelivery[]> {
    const { rows } = await this.db.query<DueDelivery>(
      `update webhook_deliveries d
          set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         from webhooks w
        where w.id = d.webhook_id
          and d.id in (select id from webhook_deliveries
                        where delivered_at is null and failed_at is null and next_attempt_at <= now()
                        order by id limit $1 for update skip locked)
    returning d.id, d.event, d.payload, d.attempts, w.url, w.secret`,
      [BATCH, LEASE_SEC],
    );
    return rows.sort((a, b) => a.id - b.id);
  }

  private async attempt(d: DueDelivery): Promise<void> {
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null;
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Vigie-Webhook/1',
          'x-vigie-event': d.event,
          'x-vigie-delivery': String(d.id),
          'x-vigie-timestamp': String(timestamp),
          'x-vigie-signature': signWebhook(d.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      status = response.status;
      await response.body?.cancel();
      error = response.ok ? null : `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error === null) {
      await this.db.query(
        `update webhook_deliveries set delivered_at = now(), last_status = $2, last_error = null where id = $1`,
        [d.id, status],
      );
      return;
    }
    const giveUp = d.attempts >= MAX_ATTEMPTS;
    const delaySec = Math.min(3600, (this.config.webhookRetryBaseMs / 1000) * 2 ** (d.attempts - 1));
    await this.db.query(
      `update webhook_deliveries
          set last_status = $2, last_error = $3,
              failed_at = case when $4 then now() end,
              next_attempt_at = now() + make_interval(secs => $5)
        where id = $1`,
      [d.id, status, error, giveUp, delaySec],
    );
    this.logger.warn({ delivery: d.id, attempt: d.attempts, error, giveUp }, 'webhook delivery failed');
  }
}
