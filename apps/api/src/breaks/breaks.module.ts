import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { BreakLoadService } from './break-load.service.js';
import { BreakStore } from './break-store.js';
import { BreaksController } from './breaks.controller.js';
import { BreaksService } from './breaks.service.js';

@Module({
  imports: [SitesModule, LiveModule],
  controllers: [BreaksController],
  providers: [BreakStore, BreakLoadService, BreaksService],
})
export class BreaksModule {}
