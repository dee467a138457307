import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { PayStore } from './pay-store.js';
import { PayController } from './pay.controller.js';
import { PayService } from './pay.service.js';
import { PeriodFiguresService } from './period-figures.service.js';

@Module({
  imports: [SitesModule, FiguresModule],
  controllers: [PayController],
  providers: [PayStore, PayService, PeriodFiguresService],
})
export class PayModule {}
