import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AgentReportService } from './agent-report.service.js';
import { QueueStatsRepository } from './queue-stats.repository.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { RollupProjector } from './rollup.projector.js';

@Module({
  imports: [SitesModule, FiguresModule],
  controllers: [ReportsController],
  providers: [QueueStatsRepository, RollupProjector, ReportsService, AgentReportService],
})
export class ReportsModule {}
