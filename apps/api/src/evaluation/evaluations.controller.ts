import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import {
  AcknowledgeBody,
  ArbitrateBody,
  DisputeBody,
  EvaluationQuery,
  HistoryQuery,
  PatchEvaluationBody,
  ReviseBody,
} from './evaluation.schema.js';
import { EvaluationsService, type EvaluationDetail, type EvaluationSummary } from './evaluations.service.js';
import { HistoryService, type HistoryPoint } from './history.service.js';

/**
 * Evaluations (docs/evaluation.md, "Evaluations"). The roles below pass the guard; the service then checks the
 * evaluation itself: a supervisor's teams, an agent's own agent id.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class EvaluationsController {
  constructor(
    @Inject(EvaluationsService) private readonly evaluations: EvaluationsService,
    @Inject(HistoryService) private readonly historyService: HistoryService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Get('evaluations')
  @Roles('hr', 'supervisor', 'agent')
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Query(new ZodValidationPipe(EvaluationQuery, 'query')) query: EvaluationQuery,
  ): Promise<{ evaluations: EvaluationSummary[] }> {
    await this.sites.require(site);
    return { evaluations: await this.evaluations.list(p, site, query) };
  }

  @Get('evaluations/:id')
  @Roles('hr', 'supervisor', 'agent')
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.get(p, site, id);
  }

  /** Scores manual criteria and comments a draft. */
  @Patch('evaluations/:id')
  @Roles('hr', 'supervisor')
  async patch(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(PatchEvaluationBody)) body: PatchEvaluationBody,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.patch(p, site, id, body);
  }

  @Post('evaluations/:id/submit')
  @HttpCode(200)
  @Roles('hr', 'supervisor')
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.submit(p, site, id);
  }

  @Post('evaluations/:id/acknowledge')
  @HttpCode(200)
  @Roles('agent')
  async acknowledge(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(AcknowledgeBody)) body: AcknowledgeBody,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.acknowledge(p, site, id, body);
  }

  @Post('evaluations/:id/dispute')
  @HttpCode(200)
  @Roles('agent')
  async dispute(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(DisputeBody)) body: DisputeBody,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.dispute(p, site, id, body);
  }

  /** HR's decision on a dispute. */
  @Post('evaluations/:id/arbitrate')
  @HttpCode(200)
  @Roles('hr')
  async arbitrate(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(ArbitrateBody)) body: ArbitrateBody,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.arbitrate(p, site, id, body);
  }

  /** Locks an acknowledged evaluation. */
  @Post('evaluations/:id/validate')
  @HttpCode(200)
  @Roles('hr', 'supervisor')
  async validate(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.validate(p, site, id);
  }

  /** HR's correction of a validated evaluation: a new draft revision superseding it. */
  @Post('evaluations/:id/revise')
  @HttpCode(200)
  @Roles('hr')
  async revise(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(ReviseBody)) body: ReviseBody,
  ): Promise<EvaluationDetail> {
    await this.sites.require(site);
    return this.evaluations.revise(p, site, id, body);
  }

  /** An agent's or a team's score per period, for the trend charts. */
  @Get('evaluation-history')
  @Roles('hr', 'supervisor', 'agent')
  async history(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Query(new ZodValidationPipe(HistoryQuery, 'query')) query: HistoryQuery,
  ): Promise<{ periods: HistoryPoint[] }> {
    await this.sites.require(site);
    return { periods: await this.historyService.history(p, site, query) };
  }
}
