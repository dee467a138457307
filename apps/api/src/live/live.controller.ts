import { Controller, ForbiddenException, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FloorSnapshot } from '@vigie/protocol';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { SitesService } from '../sites/sites.service.js';
import { LiveService } from './live.service.js';

@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/live')
export class LiveController {
  constructor(
    @Inject(LiveService) private readonly live: LiveService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Get()
  @Roles('hr', 'supervisor', 'vigie', 'agent', 'display')
  @ApiOperation({ summary: "Today's figures so far: the state the wallboards show (CONTRACT.md)" })
  async get(@Param('site') siteId: string, @CurrentPrincipal() principal: Principal): Promise<FloorSnapshot> {
    if (principal.kind === 'display' && principal.site !== siteId) {
      throw new ForbiddenException('this display token is for another site');
    }
    await this.sites.require(siteId);
    return this.live.current(siteId);
  }
}
