import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { TailService } from '../tail/tail.service.js';
import { IngestController } from './ingest.controller.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [SitesModule],
  controllers: [IngestController],
  providers: [IngestService, TailService],
  exports: [IngestService],
})
export class IngestModule {}
