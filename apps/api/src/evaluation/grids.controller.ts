import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { CreateGridBody, GridVersionBody } from './evaluation.schema.js';
import { GridsService, type GridSummary } from './grids.service.js';

/** Evaluation grids (docs/evaluation.md, "Grids"): HR versions them; staff read all, agents those of their team. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class GridsController {
  constructor(
    @Inject(GridsService) private readonly grids: GridsService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  /** The latest version of each grid (an agent: those applying to their team). */
  @Get('grids')
  @Roles('hr', 'supervisor', 'agent')
  async list(@CurrentPrincipal() p: Principal, @Param('site') site: string): Promise<{ grids: GridSummary[] }> {
    return { grids: await this.grids.list(p, await this.sites.require(site)) };
  }

  /** Every version of a grid. */
  @Get('grids/:gridId')
  @Roles('hr', 'supervisor', 'agent')
  async get(@CurrentPrincipal() p: Principal, @Param('site') site: string, @Param('gridId') gridId: string) {
    return this.grids.get(p, await this.sites.require(site), gridId);
  }

  /** A new grid, version 1; 409 when the id exists. */
  @Post('grids')
  @Roles('hr')
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(CreateGridBody)) body: CreateGridBody,
  ): Promise<GridSummary> {
    return this.grids.create(p, await this.sites.require(site), body);
  }

  /** The next version of a grid, in force from `validFrom` (after the latest's, not before today). */
  @Post('grids/:gridId/versions')
  @Roles('hr')
  async version(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('gridId') gridId: string,
    @Body(new ZodValidationPipe(GridVersionBody)) body: GridVersionBody,
  ): Promise<GridSummary> {
    return this.grids.addVersion(p, await this.sites.require(site), gridId, body);
  }
}
