import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomBytes } from 'node:crypto';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { Database } from '../db/database.js';
import { SitesService } from '../sites/sites.service.js';
import { CreateWebhook } from './alarms.schema.js';

interface Webhook {
  id: string;
  site: string;
  url: string;
  createdAt: string;
  disabledAt: string | null;
}

interface Delivery {
  id: number;
  event: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  nextAttemptAt: string;
  createdAt: string;
}

const WEBHOOK_COLUMNS = `id, site, url, created_at as "createdAt", disabled_at as "disabledAt"`;

/** Outgoing webhooks of a site (admins): alarm changes, signed, retried; each delivery's log. */
@ApiTags('alarms')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/webhooks')
export class WebhooksController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Param('site') site: string): Promise<Webhook[]> {
    await this.sites.require(site);
    return (
      await this.db.query<Webhook>(`select ${WEBHOOK_COLUMNS} from webhooks where site = $1 order by created_at`, [
        site,
      ])
    ).rows;
  }

  /** Adds a webhook; the answer carries its secret, the only time it is shown. */
  @Post()
  @HttpCode(201)
  @Roles('admin')
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(CreateWebhook)) body: CreateWebhook,
  ): Promise<Webhook & { secret: string }> {
    await this.sites.require(site);
    const secret = body.secret ?? randomBytes(24).toString('base64url');
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Webhook>(
        `insert into webhooks (site, url, secret) values ($1, $2, $3) returning ${WEBHOOK_COLUMNS}`,
        [site, body.url, secret],
      );
      const webhook = rows[0]!;
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'webhook.create', target: webhook.id, site, after: webhook },
        tx,
      );
      return { ...webhook, secret };
    });
  }

  /** Stops a webhook; its delivery log is kept. */
  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  async disable(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Webhook>(
        `update webhooks set disabled_at = coalesce(disabled_at, now()) where site = $1 and id = $2 returning ${WEBHOOK_COLUMNS}`,
        [site, id],
      );
      if (!rows[0]) {
        throw new NotFoundException(`no webhook ${id} on site ${site}`);
      }
      await tx.query(
        `update webhook_deliveries set failed_at = now(), last_error = 'webhook disabled'
                       where webhook_id = $1 and delivered_at is null and failed_at is null`,
        [id],
      );
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'webhook.disable', target: id, site, after: rows[0] },
        tx,
      );
    });
  }

  /** The delivery log of a webhook, newest first (the last 500). */
  @Get(':id/deliveries')
  @Roles('admin')
  async deliveries(@Param('site') site: string, @Param('id', ParseUUIDPipe) id: string): Promise<Delivery[]> {
    const { rowCount } = await this.db.query(`select 1 from webhooks where site = $1 and id = $2`, [site, id]);
    if (!rowCount) {
      throw new NotFoundException(`no webhook ${id} on site ${site}`);
    }
    const { rows } = await this.db.query<Delivery>(
      `select id, event, attempts, last_status as "lastStatus", last_error as "lastError", delivered_at as "deliveredAt",
              failed_at as "failedAt", next_attempt_at as "nextAttemptAt", created_at as "createdAt"
         from webhook_deliveries where webhook_id = $1 order by id desc limit 500`,
      [id],
    );
    return rows;
  }
}
