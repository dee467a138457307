import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { DemoService } from './demo.service.js';

@Module({ imports: [SitesModule, IngestModule], providers: [DemoService] })
export class DemoModule {}
