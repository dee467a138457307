import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { Database } from '../db/database.js';
import type { AlarmNotice } from './alarm-engine.service.js';
import type { AlarmEmail } from './alarms.schema.js';

const LEVEL_FR = { orange: 'ORANGE', red: 'ROUGE' } as const;
const RANK = { orange: 1, red: 2 } as const;
const key = (site: string) => `alarms.email.${site}`;

/**
 * The optional e-mail channel of alarms (nodemailer over `VIGIE_SMTP_URL`): a site's recipients get a message when
 * an alarm is raised or escalated at or above the site's level. Sent after the change is stored; a failed send is
 * logged (the SMTP server queues and retries, webhooks are the channel with a delivery log).
 */
@Injectable()
export class AlarmMailer implements OnModuleDestroy {
  private readonly logger = new Logger(AlarmMailer.name);
  private readonly transport: Transporter | undefined;
  private readonly cache = new Map<string, AlarmEmail | null>();

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(Database) private readonly db: Database,
  ) {
    this.transport = config.smtp ? nodemailer.createTransport(config.smtp.url) : undefined;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async settings(site: string): Promise<AlarmEmail | null> {
    if (!this.cache.has(site)) {
      const { rows } = await this.db.query<{ value: AlarmEmail }>(`select value from settings where key = $1`, [
        key(site),
      ]);
      this.cache.set(site, rows[0]?.value ?? null);
    }
    return this.cache.get(site) ?? null;
  }

  async save(site: string, value: AlarmEmail): Promise<void> {
    await this.db.query(
      `insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
      [key(site), JSON.stringify(value)],
    );
    this.cache.set(site, value);
  }

  notify(notice: AlarmNotice): void {
    if (!this.transport || (notice.type !== 'raised' && notice.type !== 'escalated')) {
      return;
    }
    void this.send(this.transport, notice).catch((error: unknown) =>
      this.logger.warn({ err: error, site: notice.site, alarm: notice.alarm.id }, 'alarm e-mail not sent'),
    );
  }

  private async send(transport: Transporter, notice: AlarmNotice): Promise<void> {
    const settings = await this.settings(notice.site);
    const { alarm } = notice;
    if (!settings || settings.to.length === 0 || RANK[alarm.level] < RANK[settings.minLevel]) {
      return;
    }
    const what = `${alarm.ruleId} — ${alarm.subject.kind} ${alarm.subject.name}`;
    await transport.sendMail({
      from: this.config.smtp?.from,
      to: settings.to,
      subject: `[Vigie ${notice.site}] ${LEVEL_FR[alarm.level]} ${what}`,
      text: [
        `Site : ${notice.site}`,
        `Alarme : ${what} (${notice.type === 'raised' ? 'levée' : 'aggravée'})`,
        `Niveau : ${LEVEL_FR[alarm.level]}`,
        `Indicateur : ${alarm.figure} = ${alarm.value ?? '—'}`,
        `Depuis : ${alarm.raisedAt}`,
        ...(alarm.detail ? [`Détail : ${JSON.stringify(alarm.detail)}`] : []),
      ].join('\n'),
    });
  }
}
