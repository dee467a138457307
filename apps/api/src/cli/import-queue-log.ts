import { parseQueueLogStream } from '@vigie/queue-log';
import cliProgress from 'cli-progress';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { EventBus } from '../bus/event-bus.js';
import type { Config } from '../config/config.schema.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { EventLogRepository } from '../events/event-log.repository.js';
import { IngestService, type IngestSummary } from '../ingest/ingest.service.js';
import { SitesRepository } from '../sites/sites.repository.js';

export interface ImportOptions {
  site: string;
  url: string;
  apiKey?: string;
  email?: string;
  password?: string;
  direct: boolean;
}

function progressBar(total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { format: 'import |{bar}| {percentage}% | {value}/{total} MiB | {eta_formatted} left', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, Math.round(total / 1048576)), 0);
  return bar;
}

/** Counts the bytes that flow through, for the progress bar. */
function metered(path: string, bar: cliProgress.SingleBar): Readable {
  let read = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  stream.on('data', (chunk) => {
    read += chunk.length;
    bar.update(Math.round(read / 1048576));
  });
  return stream;
}

async function bearer(options: ImportOptions): Promise<string> {
  if (options.apiKey) {
    return options.apiKey;
  }
  if (!options.email || !options.password) {
    throw new Error('give --api-key (or VIGIE_API_KEY), or --email and --password, to reach the server');
  }
  const response = await fetch(`${options.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.email, password: options.password }),
  });
  if (!response.ok) {
    throw new Error(`login refused (${response.status}) at ${options.url}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Streams the file to a running server (whose live engine then sees the events). */
async function viaServer(path: string, options: ImportOptions, bar: cliProgress.SingleBar): Promise<IngestSummary> {
  const token = await bearer(options);
  const body = Readable.toWeb(metered(path, bar)) as ReadableStream<Uint8Array>;
  const response = await fetch(`${options.url}/api/v1/sites/${encodeURIComponent(options.site)}/queue-log`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body,
    duplex: 'half',
  });
  if (!response.ok) {
    throw new Error(`server answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as IngestSummary;
}

/** Writes straight into the configured database (no server running: e.g. a first bulk load). */
async function direct(path: string, options: ImportOptions, config: Config, bar: cliProgress.SingleBar) {
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    if (!(await new SitesRepository(db).get(options.site))) {
      throw new Error(`unknown site "${options.site}": create it first (POST /api/v1/sites)`);
    }
    const lines = createInterface({ input: metered(path, bar), crlfDelay: Infinity });
    const ingest = new IngestService(new EventLogRepository(db), new EventBus());
    return await ingest.ingest(options.site, parseQueueLogStream(lines, { site: options.site }));
  } finally {
    await db.close();
  }
}

export async function importQueueLog(path: string, options: ImportOptions, config: Config): Promise<IngestSummary> {
  const { size } = await stat(path);
  const bar = progressBar(size);
  const started = performance.now();
  try {
    const summary = options.direct ? await direct(path, options, config, bar) : await viaServer(path, options, bar);
    bar.update(Math.max(1, Math.round(size / 1048576)));
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${summary.lines} lines in ${seconds.toFixed(1)} s (${Math.round(summary.lines / seconds)} lines/s): ` +
        `${summary.events} new events, ${summary.duplicates} already stored, ${summary.rejectedTotal} lines rejected`,
    );
    for (const r of summary.rejected.slice(0, 20)) {
      console.log(`  line ${r.line}: ${r.reason}`);
    }
    if (summary.rejectedTotal > 20) {
      console.log(`  … and ${summary.rejectedTotal - 20} more`);
    }
    return summary;
  } finally {
    bar.stop();
  }
}
