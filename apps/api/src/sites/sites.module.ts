import { Module } from '@nestjs/common';
import { EventLogRepository } from '../events/event-log.repository.js';
import { SitesController } from './sites.controller.js';
import { SitesRepository } from './sites.repository.js';
import { SitesService } from './sites.service.js';

@Module({
  controllers: [SitesController],
  providers: [SitesRepository, SitesService, EventLogRepository],
  exports: [SitesService, EventLogRepository],
})
export class SitesModule {}
