import { dayBounds } from '@vigie/domain';
import { simulate, toQueueLogLines } from '@vigie/simulator';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

export interface SimulateOptions {
  date: string;
  timezone: string;
  seed: number;
  scale: number;
}

/** Writes a simulated day (08:00–20:00 local) as an Asterisk queue_log file; returns the number of lines. */
export async function simulateQueueLog(path: string, opts: SimulateOptions): Promise<number> {
  const startMs = dayBounds(opts.date, opts.timezone).startMs + 8 * 3600_000;
  const lines = toQueueLogLines(simulate({ site: 'sim', seed: opts.seed, startMs, scale: opts.scale }));
  const out = createWriteStream(path);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  out.end();
  await finished(out);
  return lines.length;
}
