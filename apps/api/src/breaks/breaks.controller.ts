import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
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
import { BreakPolicy } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { Database } from '../db/database.js';
import { SitesService } from '../sites/sites.service.js';
import { BreakStore, type BreakRequestRow } from './break-store.js';
import { BreakDecision, BreakRequestQuery, CreateBreakRequest } from './breaks.schema.js';
import { BreaksService, type AdvisedRequest } from './breaks.service.js';

/** Admins, supervisors and the vigie act for any agent; a user with only the `agent` role for its own agent id. */
const actsForOthers = (p: Principal) =>
  p.kind === 'user' && p.roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'vigie');

/** A supervisor with teams decides for the agents of those teams; admins, the vigie and site-wide ones for all. */
const mayDecide = (p: Principal, team: string | null) =>
  p.kind === 'user' &&
  (p.roles.includes('admin') ||
    p.roles.includes('vigie') ||
    p.teams.length === 0 ||
    (team !== null && p.teams.includes(team)));

@ApiTags('breaks')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class BreaksController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(BreakStore) private readonly store: BreakStore,
    @Inject(BreaksService) private readonly breaks: BreaksService,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('break-policy')
  @Roles('hr', 'supervisor', 'vigie', 'agent')
  async policy(@Param('site') site: string): Promise<BreakPolicy> {
    await this.sites.require(site);
    return this.store.policy(site);
  }

  /** Replaces the site's break policy; the advice uses it at once. */
  @Put('break-policy')
  @Roles('supervisor')
  async putPolicy(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(BreakPolicy)) body: BreakPolicy,
  ): Promise<BreakPolicy> {
    await this.sites.require(site);
    await this.db.transaction(async (tx) => {
      const before = await this.store.policy(site, tx);
      await this.store.putPolicy(tx, site, body);
      await this.audit.record(
        { actor: AuditLog.actorOf(p), action: 'break-policy.put', target: site, site, before, after: body },
        tx,
      );
    });
    this.breaks.policyChanged(site, body);
    void this.breaks.push(site);
    return body;
  }

  /** An agent asks for a break (one pending request per agent); it expires if nobody decides in time. */
  @Post('break-requests')
  @Roles('supervisor', 'vigie', 'agent')
  async request(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(CreateBreakRequest)) body: CreateBreakRequest,
  ): Promise<BreakRequestRow> {
    await this.sites.require(site);
    if (!actsForOthers(p) && (await this.ownAgent(p)) !== body.agent) {
      throw new ForbiddenException('an agent asks breaks for its own agent id only');
    }
    const prepared = await this.breaks.prepare(site, body, Date.now());
    const actor = AuditLog.actorOf(p);
    const created = await this.db.transaction(async (tx) => {
      const row = await this.store.create(tx, { site, agent: body.agent, requestedBy: actor, ...prepared });
      await this.audit.record({ actor, action: 'break-request.create', target: row.id, site, after: row }, tx);
      return row;
    });
    void this.breaks.push(site);
    return created;
  }

  /** Pending requests (the default) in fairness order with their live advice; other statuses newest first. */
  @Get('break-requests')
  @Roles('hr', 'supervisor', 'vigie')
  async requests(
    @Param('site') site: string,
    @Query(new ZodValidationPipe(BreakRequestQuery, 'query')) query: BreakRequestQuery,
  ): Promise<AdvisedRequest[] | BreakRequestRow[]> {
    await this.sites.require(site);
    if (query.status === 'pending') {
      return (await this.breaks.ranked(site, Date.now())).slice(0, query.limit);
    }
    await this.store.expire(site);
    return this.store.find(site, { status: query.status === 'all' ? undefined : query.status, limit: query.limit });
  }

  /** The caller's own requests, newest first, with their status and decision. */
  @Get('break-requests/mine')
  @Roles('agent')
  async mine(@CurrentPrincipal() p: Principal, @Param('site') site: string): Promise<BreakRequestRow[]> {
    await this.sites.require(site);
    const agent = await this.ownAgent(p);
    await this.store.expire(site);
    return this.store.find(site, { agent, limit: 100 });
  }

  /** Approves or denies a pending request (a reason is required to deny), keeping the advice shown then. */
  @Post('break-requests/:id/decision')
  @HttpCode(200)
  @Roles('supervisor', 'vigie')
  async decide(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(BreakDecision)) body: BreakDecision,
  ): Promise<BreakRequestRow> {
    await this.sites.require(site);
    const shown = (await this.breaks.ranked(site, Date.now())).find((r) => r.id === id);
    if (shown && !mayDecide(p, shown.team)) {
      throw new ForbiddenException('supervisors with teams decide for the agents of their teams');
    }
    const actor = AuditLog.actorOf(p);
    const decided = await this.db.transaction(async (tx) => {
      const before = await this.store.get(site, id, tx);
      if (!before) {
        throw new NotFoundException(`no break request ${id} on site ${site}`);
      }
      const after = await this.store.decide(tx, site, id, {
        status: body.decision === 'approve' ? 'approved' : 'denied',
        decidedBy: actor,
        reason: body.reason ?? null,
        advice: shown ? { advice: shown.advice, loads: shown.loads, rank: shown.rank } : null,
      });
      if (!after) {
        throw new ConflictException(`break request ${id} is ${before.status}, not pending`);
      }
      const action = body.decision === 'approve' ? 'break-request.approve' : 'break-request.deny';
      await this.audit.record({ actor, action, target: id, site, before, after }, tx);
      return after;
    });
    void this.breaks.push(site);
    return decided;
  }

  /** Withdraws a request before its break starts: the agent its own, supervisors and the vigie any. */
  @Post('break-requests/:id/cancel')
  @HttpCode(200)
  @Roles('supervisor', 'vigie', 'agent')
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BreakRequestRow> {
    await this.sites.require(site);
    await this.store.expire(site);
    const own = actsForOthers(p) ? undefined : await this.ownAgent(p);
    const actor = AuditLog.actorOf(p);
    const cancelled = await this.db.transaction(async (tx) => {
      const before = await this.store.get(site, id, tx);
      if (!before || (own !== undefined && before.agent !== own)) {
        throw new NotFoundException(`no break request ${id} on site ${site}`);
      }
      const after = await this.store.cancel(tx, site, id);
      if (!after) {
        throw new ConflictException(`break request ${id} is ${before.status}: only pending or approved ones cancel`);
      }
      await this.audit.record({ actor, action: 'break-request.cancel', target: id, site, before, after }, tx);
      return after;
    });
    void this.breaks.push(site);
    return cancelled;
  }

  /** The agent id on the caller's user row; 400 when it has none. */
  private async ownAgent(p: Principal): Promise<string> {
    const agent = p.kind === 'user' ? await this.store.agentOfUser(p.userId) : null;
    if (agent === null) {
      throw new BadRequestException('your user has no agent id: an admin sets it on the user');
    }
    return agent;
  }
}
