import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { OpenPeriodBody } from './evaluation.schema.js';
import { PeriodsService, type PeriodView } from './periods.service.js';

/** Evaluation periods (docs/evaluation.md, "Periods"): HR opens them; a draft per agent, KPI values pre-filled. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/evaluation-periods')
export class PeriodsController {
  constructor(
    @Inject(PeriodsService) private readonly periods: PeriodsService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Get()
  @Roles('hr', 'supervisor')
  async list(@Param('site') site: string): Promise<{ periods: PeriodView[] }> {
    return { periods: await this.periods.list(await this.sites.require(site)) };
  }

  /** Opens a period on the grid version in force on its start; 409 when it is already open. */
  @Post()
  @Roles('hr')
  async open(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(OpenPeriodBody)) body: OpenPeriodBody,
  ): Promise<PeriodView> {
    return this.periods.open(p, await this.sites.require(site), body);
  }

  /** Recomputes the KPI-fed values of the drafts and adds the agents seen since. */
  @Post(':id/refresh')
  @HttpCode(200)
  @Roles('hr')
  async refresh(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PeriodView & { refreshed: number; added: number }> {
    return this.periods.refresh(p, await this.sites.require(site), id);
  }
}
