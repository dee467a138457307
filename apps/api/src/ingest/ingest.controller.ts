import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseQueueLogCsvStream, parseQueueLogStream } from '@vigie/queue-log';
import type { Request } from 'express';
import { AllowSiteKey, Roles } from '../auth/roles.js';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { SitesService } from '../sites/sites.service.js';
import { IngestService, type IngestSummary } from './ingest.service.js';
import { jsonBodyItems, ndjsonItems } from './json-items.js';
import { bodyKind, bodyLines, checkDeclaredSize, readJsonBody } from './request-body.js';

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class IngestController {
  constructor(
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('events')
  @HttpCode(200)
  @Roles('admin')
  @AllowSiteKey()
  @ApiOperation({ summary: 'Normalized events (docs/events.md): a JSON array, or NDJSON streamed' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  async events(@Param('site') siteId: string, @Req() req: Request): Promise<IngestSummary> {
    const kind = bodyKind(req, ['json', 'ndjson']);
    checkDeclaredSize(req, this.config.maxBodyBytes);
    const site = await this.sites.require(siteId);
    if (kind === 'json') {
      const body = await readJsonBody(req, this.config.maxBodyBytes);
      return this.ingest.ingest(site.id, jsonBodyItems(site.id, body));
    }
    return this.ingest.ingest(site.id, ndjsonItems(site.id, bodyLines(req)));
  }

  @Post('queue-log')
  @HttpCode(200)
  @Roles('admin')
  @AllowSiteKey()
  @ApiOperation({ summary: 'Asterisk queue_log lines (text/plain), or the realtime backend CSV export (text/csv)' })
  @ApiConsumes('text/plain', 'text/csv')
  async queueLog(@Param('site') siteId: string, @Req() req: Request): Promise<IngestSummary> {
    const kind = bodyKind(req, ['text', 'csv']);
    checkDeclaredSize(req, this.config.maxBodyBytes);
    const site = await this.sites.require(siteId);
    const items =
      kind === 'csv'
        ? parseQueueLogCsvStream(req, { site: site.id })
        : parseQueueLogStream(bodyLines(req), { site: site.id });
    return this.ingest.ingest(site.id, items);
  }
}
