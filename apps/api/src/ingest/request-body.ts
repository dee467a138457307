import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { createInterface } from 'node:readline';

export type BodyKind = 'json' | 'ndjson' | 'text' | 'csv';

const MEDIA: Record<string, BodyKind> = {
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'text/plain': 'text',
  'text/csv': 'csv',
};

/** The body's kind from its Content-Type, or a 415 naming what this endpoint accepts. */
export function bodyKind(req: Request, accepted: BodyKind[]): BodyKind {
  const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = MEDIA[media];
  if (!kind || !accepted.includes(kind)) {
    const names = Object.entries(MEDIA)
      .filter(([, k]) => accepted.includes(k))
      .map(([m]) => m);
    throw new UnsupportedMediaTypeException(
      `Content-Type "${media || '(none)'}" is not accepted here; send one of: ${names.join(', ')}`,
    );
  }
  return kind;
}

/** Refuses a declared body larger than the limit before reading a byte of it. */
export function checkDeclaredSize(req: Request, maxBytes: number): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new PayloadTooLargeException(
      `body of ${declared} bytes is over the limit of ${maxBytes} bytes (VIGIE_MAX_BODY_MB); split the upload`,
    );
  }
}

/** The body as lines, streamed (CRLF or LF, a last line without newline included). */
export function bodyLines(req: Request): AsyncIterable<string> {
  return createInterface({ input: req, crlfDelay: Infinity });
}

/** A whole JSON body, read up to `maxBytes`; malformed JSON is a 400 and nothing is stored. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new PayloadTooLargeException(
        `body over the limit of ${maxBytes} bytes (VIGIE_MAX_BODY_MB); split the upload`,
      );
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    throw new BadRequestException('empty body: send a JSON array of events');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestException(`malformed JSON body (${(error as Error).message}); nothing was stored`);
  }
}
