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
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PayLine } from '@vigie/domain';
import type { PayPeriod, PayRules } from '@vigie/protocol';
import type { Response } from 'express';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { payrollCsv } from '../evaluation/payroll-csv.js';
import { SitesService } from '../sites/sites.service.js';
import { domainRun, PayStore, type PayRunStatus, type PayRunSummary, type PayRunView } from './pay-store.js';
import { CreatePayRun, PayAdjustment, PayRulesBody, PayRunQuery } from './pay.schema.js';
import { PayService } from './pay.service.js';

/** One agent's line of a run, with its explanations. */
export interface PayLineView {
  runId: string;
  periodId: string;
  status: PayRunStatus;
  currency: string;
  period: PayPeriod;
  line: PayLine;
}

/** HR and admins read any line; an agent user only its own, once the run is locked. */
const readsAllLines = (p: Principal) => p.kind === 'user' && p.roles.some((r) => r === 'admin' || r === 'hr');

/** Pay rules, pay runs, HR's review and lock, the payroll CSV (docs/evaluation.md, "Pay"). */
@ApiTags('pay')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class PayController {
  constructor(
    @Inject(PayService) private readonly pay: PayService,
    @Inject(PayStore) private readonly store: PayStore,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Get('pay-rules')
  @Roles('hr')
  @ApiOperation({ summary: 'The pay rules in force (404 until set)' })
  async rules(@Param('site') site: string): Promise<PayRules> {
    await this.sites.require(site);
    return this.pay.rules(site);
  }

  @Put('pay-rules')
  @Roles('hr')
  @ApiOperation({ summary: 'Replaces the pay rules; runs already made keep the copy they used' })
  async putRules(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(PayRulesBody)) body: PayRules,
  ): Promise<PayRules> {
    await this.sites.require(site);
    return this.pay.putRules(site, body, AuditLog.actorOf(p));
  }

  @Post('pay-runs')
  @Roles('hr')
  @ApiOperation({ summary: 'A draft pay run of a period (a correction of a locked run with `supersedes`)' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(CreatePayRun)) body: CreatePayRun,
  ): Promise<PayRunView> {
    return this.pay.createRun(await this.sites.require(site), body, AuditLog.actorOf(p));
  }

  @Get('pay-runs')
  @Roles('hr')
  @ApiOperation({ summary: "The site's pay runs, newest first" })
  async runs(
    @Param('site') site: string,
    @Query(new ZodValidationPipe(PayRunQuery, 'query')) query: PayRunQuery,
  ): Promise<{ runs: PayRunSummary[] }> {
    await this.sites.require(site);
    return { runs: await this.store.runs(site, query.periodId) };
  }

  @Get('pay-runs/:id')
  @Roles('hr')
  @ApiOperation({ summary: 'A run with its lines and their explanations' })
  async run(@Param('site') site: string, @Param('id', ParseUUIDPipe) id: string): Promise<PayRunView> {
    await this.sites.require(site);
    return this.pay.run(site, id);
  }

  @Post('pay-runs/:id/adjustments')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: "HR's signed adjustment of a line of a draft run (409 once locked)" })
  async adjust(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(PayAdjustment)) body: PayAdjustment,
  ): Promise<PayRunView> {
    await this.sites.require(site);
    return this.pay.adjust(site, id, body, AuditLog.actorOf(p));
  }

  @Post('pay-runs/:id/lock')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: 'Locks a draft run for payroll (409 once locked)' })
  async lock(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PayRunView> {
    await this.sites.require(site);
    return this.pay.lock(site, id, AuditLog.actorOf(p));
  }

  @Get('pay-runs/:id/export.csv')
  @Roles('hr')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The payroll file of a locked run: RFC 4180, CRLF, UTF-8 with a BOM' })
  async export(
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    await this.sites.require(site);
    const run = await this.pay.run(site, id);
    if (run.status !== 'locked') {
      throw new ConflictException(`pay run ${id} is a draft: only a locked run is exported`);
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="pay-${site}-${id}.csv"`);
    return payrollCsv(domainRun(run));
  }

  @Get('my-pay-lines')
  @Roles('agent')
  @ApiOperation({ summary: "The calling agent's own lines of the site's locked pay runs, newest first" })
  async myLines(@CurrentPrincipal() p: Principal, @Param('site') site: string): Promise<{ lines: PayLineView[] }> {
    await this.sites.require(site);
    const agent = p.kind === 'user' ? await this.store.agentOfUser(p.userId) : null;
    if (agent === null) {
      throw new BadRequestException('your user has no agent id: an admin sets it on the user');
    }
    const lines: PayLineView[] = [];
    for (const summary of await this.store.runs(site)) {
      if (summary.status !== 'locked') {
        continue;
      }
      const run = await this.pay.run(site, summary.id);
      const line = run.lines.find((l) => l.agentId === agent);
      if (line) {
        const { id: runId, periodId, status, currency, period } = run;
        lines.push({ runId, periodId, status, currency, period, line });
      }
    }
    return { lines };
  }

  @Get('pay-runs/:id/lines/:agent')
  @Roles('hr', 'agent')
  @ApiOperation({ summary: "One agent's line and its explanation (an agent: their own, locked runs only)" })
  async line(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('agent') agent: string,
  ): Promise<PayLineView> {
    await this.sites.require(site);
    const run = await this.pay.run(site, id);
    if (!readsAllLines(p)) {
      const own = p.kind === 'user' ? await this.store.agentOfUser(p.userId) : null;
      if (own === null) {
        throw new BadRequestException('your user has no agent id: an admin sets it on the user');
      }
      if (own !== agent || run.status !== 'locked') {
        throw new ForbiddenException('an agent reads its own pay line, once the run is locked');
      }
    }
    const line = run.lines.find((l) => l.agentId === agent);
    if (!line) {
      throw new NotFoundException(`no line for agent ${agent} in pay run ${id}`);
    }
    return {
      runId: run.id,
      periodId: run.periodId,
      status: run.status,
      currency: run.currency,
      period: run.period,
      line,
    };
  }
}
