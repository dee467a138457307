import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { AgentReportService, type AgentReport } from './agent-report.service.js';
import { AgentReportQuery, QueueReportQuery } from './reports.schema.js';
import { ReportsService, type QueueReport } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/reports')
export class ReportsController {
  constructor(
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AgentReportService) private readonly agentReports: AgentReportService,
  ) {}

  @Get('agents')
  @Roles('hr', 'supervisor', 'vigie')
  @ApiOperation({ summary: 'Agent daily report: handled, handling, talk, wrap-up, logged-in and pause times per day' })
  async agents(
    @Param('site') siteId: string,
    @Query(new ZodValidationPipe(AgentReportQuery, 'query')) query: AgentReportQuery,
  ): Promise<AgentReport> {
    return this.agentReports.agents(await this.sites.require(siteId), query);
  }

  @Get('queues')
  @Roles('hr', 'supervisor', 'vigie')
  @ApiOperation({ summary: 'Queue figures per day, hour, 30 or 15 minutes (CONTRACT.md), from the event log' })
  async queues(
    @Param('site') siteId: string,
    @Query(new ZodValidationPipe(QueueReportQuery, 'query')) query: QueueReportQuery,
  ): Promise<QueueReport> {
    return this.reports.queues(await this.sites.require(siteId), query);
  }
}
