import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { CreateSite, type Site } from './site.schema.js';
import { SitesService, type SiteSummary } from './sites.service.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/v1/sites')
export class SitesController {
  constructor(@Inject(SitesService) private readonly sites: SitesService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  create(@Body(new ZodValidationPipe(CreateSite)) body: CreateSite): Promise<Site> {
    return this.sites.create(body);
  }

  /** Sites with their event counts (today in the site's time zone, and ever). */
  @Get()
  @Roles('hr', 'supervisor', 'vigie', 'agent')
  list(): Promise<SiteSummary[]> {
    return this.sites.summaries(Date.now());
  }

  @Get(':site')
  @Roles('hr', 'supervisor', 'vigie', 'agent', 'display')
  get(@Param('site') site: string): Promise<Site> {
    return this.sites.require(site);
  }
}
