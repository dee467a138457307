import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueueLogParser } from '@vigie/queue-log';
import type { Config, TailSpec } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { Database } from '../db/database.js';
import { IngestService, type IngestItem } from '../ingest/ingest.service.js';
import { SitesService } from '../sites/sites.service.js';
import { readNewLines, type TailPosition } from './file-tailer.js';

export const TAIL_POLL_MS = 250;

/**
 * Follows growing Asterisk queue_log files (`VIGIE_TAIL=site=/path,…`): new whole lines are parsed and ingested
 * every 250 ms, the position is kept in the database, and a rotated or truncated file is read from its start.
 */
@Injectable()
export class TailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TailService.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(Database) private readonly db: Database,
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const spec of this.config.tails) {
      if (!(await this.sites.find(spec.site))) {
        this.logger.error({ site: spec.site, path: spec.path }, 'VIGIE_TAIL names an unknown site: create it first');
        continue;
      }
      this.follow(spec, await this.position(spec));
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.timers.forEach((t) => clearTimeout(t));
  }

  private follow(spec: TailSpec, start: TailPosition): void {
    const parser = new QueueLogParser(spec.site);
    let position = start;
    const poll = async () => {
      try {
        const chunk = await readNewLines(spec.path, position);
        if (chunk.lines.length > 0) {
          const items: IngestItem[] = chunk.lines.map(({ line, text }) => {
            const parsed = parser.parse(text);
            return parsed.ok ? { line, events: parsed.events } : { line, rejected: parsed.reason };
          });
          const result = await this.ingest.ingest(spec.site, items);
          for (const r of result.rejected) {
            this.logger.warn(
              { site: spec.site, path: spec.path, line: r.line, reason: r.reason },
              'queue_log line rejected',
            );
          }
          await this.save(spec, chunk.position);
        }
        position = chunk.position;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.logger.warn({ site: spec.site, path: spec.path, err: error }, 'tail read failed; retrying');
        }
      }
      if (!this.stopped) {
        this.timers.push(setTimeout(() => void poll(), TAIL_POLL_MS));
      }
    };
    void poll();
    this.logger.log({ site: spec.site, path: spec.path, offset: start.offset }, 'following queue_log');
  }

  private async position(spec: TailSpec): Promise<TailPosition> {
    const { rows } = await this.db.query<{ byte_offset: number; inode: number; line: number }>(
      `select byte_offset, inode, line from tail_positions where site = $1 and path = $2`,
      [spec.site, spec.path],
    );
    const r = rows[0];
    return r ? { offset: r.byte_offset, inode: r.inode, line: r.line } : { offset: 0, inode: 0, line: 1 };
  }

  private async save(spec: TailSpec, p: TailPosition): Promise<void> {
    await this.db.query(
      `insert into tail_positions (site, path, byte_offset, inode, line) values ($1, $2, $3, $4, $5)
       on conflict (site, path) do update set byte_offset = excluded.byte_offset, inode = excluded.inode,
         line = excluded.line, updated_at = now()`,
      [spec.site, spec.path, p.offset, p.inode, p.line],
    );
  }
}
