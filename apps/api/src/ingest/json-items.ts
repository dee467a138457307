import { VigieEvent } from '@vigie/protocol';
import type { IngestItem } from './ingest.service.js';

/** Validates one JSON item as an event of `site` (the URL's): a missing `site` is filled in, another one refused. */
export function toIngestItem(site: string, line: number, raw: unknown): IngestItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { line, rejected: 'not a JSON object' };
  }
  const candidate = raw as Record<string, unknown>;
  if (candidate.site !== undefined && candidate.site !== site) {
    return { line, rejected: `site: ${JSON.stringify(candidate.site)} does not match the URL's site "${site}"` };
  }
  const parsed = VigieEvent.safeParse({ ...candidate, site });
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`);
    return { line, rejected: reasons.join('; ') };
  }
  return { line, events: [parsed.data] };
}

/** A whole JSON body (an array of events, or one event) as items numbered from 1. */
export function* jsonBodyItems(site: string, body: unknown): Generator<IngestItem> {
  const list = Array.isArray(body) ? body : [body];
  for (let i = 0; i < list.length; i++) {
    yield toIngestItem(site, i + 1, list[i]);
  }
}

/** NDJSON lines as items; blank lines are skipped, a line that is not JSON is refused with its number. */
export async function* ndjsonItems(site: string, lines: AsyncIterable<string>): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') {
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      yield { line: n, rejected: `not JSON: ${(error as Error).message}` };
      continue;
    }
    yield toIngestItem(site, n, raw);
  }
}
