import {
  Body,
  ConflictException,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AlarmRule, type ActionType } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { Database } from '../db/database.js';
import { SitesService } from '../sites/sites.service.js';
import { AlarmEngine } from './alarm-engine.service.js';
import { AlarmStore, type AlarmRow } from './alarm-store.js';
import { Acknowledge, ActionTypeTable, AlarmQuery } from './alarms.schema.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * A supervisor with teams manages the rules of those teams; an admin, or a supervisor with no team restriction,
 * manages every rule of the site.
 */
function mayManage(p: Principal, rule: AlarmRule | undefined): boolean {
  if (p.kind !== 'user') {
    return false;
  }
  if (p.roles.includes('admin') || p.teams.length === 0) {
    return true;
  }
  return (
    rule !== undefined &&
    rule.scope.kind === 'team' &&
    rule.scope.name !== undefined &&
    p.teams.includes(rule.scope.name)
  );
}

@ApiTags('alarms')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class AlarmsController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AlarmStore) private readonly store: AlarmStore,
    @Inject(AlarmEngine) private readonly engine: AlarmEngine,
    @Inject(WebhookDispatcher) private readonly webhooks: WebhookDispatcher,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('alarms')
  @Roles('hr', 'supervisor', 'vigie')
  async alarms(
    @Param('site') site: string,
    @Query(new ZodValidationPipe(AlarmQuery, 'query')) query: AlarmQuery,
  ): Promise<AlarmRow[]> {
    await this.sites.require(site);
    return this.store.find(site, { ...query, ruleId: query.rule });
  }

  /** Acknowledges an open alarm (who, when, comment); it stays open until its figure returns. */
  @Post('alarms/:id/ack')
  @HttpCode(200)
  @Roles('supervisor', 'vigie')
  async acknowledge(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(Acknowledge)) body: Acknowledge,
  ): Promise<AlarmRow> {
    await this.sites.require(site);
    const actor = AuditLog.actorOf(p);
    const alarm = await this.db.transaction(async (tx) => {
      const before = await this.store.get(site, id, tx);
      if (!before) {
        throw new NotFoundException(`no alarm ${id} on site ${site}`);
      }
      const after = await this.store.acknowledge(tx, site, id, actor, body.comment ?? null);
      if (!after) {
        throw new ConflictException(`alarm ${id} has already cleared`);
      }
      await this.audit.record({ actor, action: 'alarm.acknowledge', target: id, site, before, after }, tx);
      const notice = { site, type: 'acknowledged' as const, previousLevel: after.level, alarm: after, sound: false };
      await this.webhooks.enqueue(tx, site, 'alarm.acknowledged', notice);
      return after;
    });
    this.engine.acknowledged(site, alarm.key);
    this.engine.announce({ site, type: 'acknowledged', previousLevel: alarm.level, alarm, sound: false });
    this.webhooks.wake();
    return alarm;
  }

  @Get('alarm-rules')
  @Roles('hr', 'supervisor', 'vigie')
  async rules(@Param('site') site: string): Promise<AlarmRule[]> {
    await this.sites.require(site);
    return this.store.rules(site);
  }

  /** Creates or replaces a rule; the live evaluation uses it within a second. */
  @Put('alarm-rules/:id')
  @Roles('supervisor')
  async putRule(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AlarmRule> {
    await this.sites.require(site);
    const rule = new ZodValidationPipe(AlarmRule).transform({ ...(body as object), id });
    await this.store.rules(site);
    await this.db.transaction(async (tx) => {
      const before = await this.store.rule(site, id, tx);
      if (!mayManage(p, rule) || (before && !mayManage(p, before))) {
        throw new ForbiddenException('supervisors with teams manage the rules scoped to their teams');
      }
      await this.store.putRule(tx, site, rule);
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'alarm-rule.put', target: id, site, before, after: rule },
        tx,
      );
    });
    await this.engine.reload(site);
    return rule;
  }

  @Delete('alarm-rules/:id')
  @HttpCode(204)
  @Roles('supervisor')
  async deleteRule(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.sites.require(site);
    await this.store.rules(site);
    await this.db.transaction(async (tx) => {
      const before = await this.store.rule(site, id, tx);
      if (!before) {
        throw new NotFoundException(`no rule ${id} on site ${site}`);
      }
      if (!mayManage(p, before)) {
        throw new ForbiddenException('supervisors with teams manage the rules scoped to their teams');
      }
      await this.store.deleteRule(tx, site, id);
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'alarm-rule.delete', target: id, site, before },
        tx,
      );
    });
    await this.engine.reload(site);
  }

  @Get('action-types')
  @Roles('hr', 'supervisor', 'vigie')
  async actionTypes(@Param('site') site: string): Promise<ActionType[]> {
    await this.sites.require(site);
    return this.store.actionTypes(site);
  }

  /** Replaces the site's action-type table (priority and maximum delay per type of contact). */
  @Put('action-types')
  @Roles('supervisor')
  async putActionTypes(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(ActionTypeTable)) body: ActionType[],
  ): Promise<ActionType[]> {
    await this.sites.require(site);
    if (!mayManage(p, undefined)) {
      throw new ForbiddenException('the action-type table is site-wide: admins and site-wide supervisors');
    }
    const before = await this.store.actionTypes(site);
    await this.db.transaction(async (tx) => {
      await this.store.replaceActionTypes(tx, site, body);
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'action-types.put', target: site, site, before, after: body },
        tx,
      );
    });
    await this.engine.reload(site);
    return this.store.actionTypes(site);
  }
}
