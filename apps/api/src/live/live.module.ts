import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { LiveController } from './live.controller.js';
import { LiveGateway } from './live.gateway.js';
import { LiveService } from './live.service.js';

@Module({
  imports: [SitesModule, FiguresModule],
  controllers: [LiveController],
  providers: [LiveService, LiveGateway],
  exports: [LiveService, LiveGateway],
})
export class LiveModule {}
