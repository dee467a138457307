import type { VigieEvent } from '@vigie/protocol';
import { QueueLogParser } from './parser.js';

/** One line of an import: the events it gave, or why it was refused (1-based line numbers). */
export type QueueLogItem = { line: number; events: VigieEvent[] } | { line: number; rejected: string };

export interface StreamOptions {
  site: string;
  /** Lines are reordered by time within this many seconds (several writers, slightly out of order). */
  reorderWindowSec?: number;
  /** And at most this many lines are held, so memory stays flat whatever the file size. */
  reorderMaxLines?: number;
}

interface Held {
  epoch: number;
  order: number;
  item: QueueLogItem;
}

/**
 * Parses a stream of lines, streamed: rejected lines pass straight through; parsed ones are released in
 * time order (stable) once a line `reorderWindowSec` later has been read, or when the window is full.
 */
export async function* parseQueueLogStream(
  lines: AsyncIterable<string> | Iterable<string>,
  opts: StreamOptions,
): AsyncGenerator<QueueLogItem> {
  const parser = new QueueLogParser(opts.site);
  const windowSec = opts.reorderWindowSec ?? 10;
  const maxLines = opts.reorderMaxLines ?? 5_000;
  let held: Held[] = [];
  let newest = 0;
  let n = 0;
  const release = function* (upTo: number): Generator<QueueLogItem> {
    held.sort((a, b) => a.epoch - b.epoch || a.order - b.order);
    let i = 0;
    while (i < held.length && (held[i]!.epoch <= upTo || held.length - i > maxLines)) {
      yield held[i]!.item;
      i += 1;
    }
    held = held.slice(i);
  };
  for await (const text of lines) {
    n += 1;
    const parsed = parser.parse(text);
    if (!parsed.ok) {
      yield { line: n, rejected: parsed.reason };
      continue;
    }
    if (parsed.events.length === 0) {
      yield { line: n, events: [] };
      continue;
    }
    held.push({ epoch: parsed.epoch, order: n, item: { line: n, events: parsed.events } });
    if (parsed.epoch > newest) {
      newest = parsed.epoch;
    }
    if (held.length > maxLines || held.length % 256 === 0) {
      yield* release(newest - windowSec);
    }
  }
  yield* release(Number.POSITIVE_INFINITY);
}

export interface ParsedText {
  lines: number;
  events: VigieEvent[];
  rejected: { line: number; reason: string }[];
}

/** The whole text at once (tests, small files). */
export async function parseQueueLogText(text: string, site: string): Promise<ParsedText> {
  const out: ParsedText = { lines: 0, events: [], rejected: [] };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  for await (const item of parseQueueLogStream(lines, { site })) {
    out.lines = Math.max(out.lines, item.line);
    if ('rejected' in item) {
      out.rejected.push({ line: item.line, reason: item.rejected });
    } else {
      out.events.push(...item.events);
    }
  }
  out.lines = lines.length;
  return out;
}
