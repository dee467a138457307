import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { EvaluationAccess } from './access.js';
import { EvaluationStore } from './evaluation-store.js';
import { EvaluationsController } from './evaluations.controller.js';
import { EvaluationsService } from './evaluations.service.js';
import { GridStore } from './grid-store.js';
import { GridsController } from './grids.controller.js';
import { GridsService } from './grids.service.js';
import { HistoryService } from './history.service.js';
import { PeriodKpisService } from './period-kpis.service.js';
import { PeriodsController } from './periods.controller.js';
import { PeriodsService } from './periods.service.js';

/** Evaluation grids, periods and evaluations (docs/evaluation.md); the pay module reads what they store. */
@Module({
  imports: [SitesModule],
  controllers: [GridsController, PeriodsController, EvaluationsController],
  providers: [
    GridStore,
    EvaluationStore,
    EvaluationAccess,
    GridsService,
    PeriodKpisService,
    PeriodsService,
    EvaluationsService,
    HistoryService,
  ],
  exports: [GridStore, EvaluationStore, PeriodKpisService],
})
export class EvaluationModule {}
