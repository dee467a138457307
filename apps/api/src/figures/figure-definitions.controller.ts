import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateFigureDefinition, type FigureDefinition } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { FigureDefinitionsService } from './figure-definitions.service.js';

@ApiTags('figures')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/figure-definitions')
export class FigureDefinitionsController {
  constructor(
    @Inject(FigureDefinitionsService) private readonly definitions: FigureDefinitionsService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Get()
  @Roles('hr', 'supervisor', 'vigie', 'agent', 'display')
  @ApiOperation({ summary: 'Every version of the figure definitions of the site (docs/figures.md)' })
  async list(@Param('site') site: string): Promise<FigureDefinition[]> {
    await this.sites.require(site);
    return this.definitions.list(site);
  }

  @Post()
  @HttpCode(201)
  @Roles('supervisor')
  @ApiOperation({ summary: 'A new figure definition, from a business day on (today or later)' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('site') siteId: string,
    @Body(new ZodValidationPipe(CreateFigureDefinition)) body: CreateFigureDefinition,
  ): Promise<FigureDefinition> {
    const site = await this.sites.require(siteId);
    return this.definitions.create(site, body, AuditLog.actorOf(p), Date.now());
  }
}
