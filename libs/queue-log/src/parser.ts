import type { VigieEvent } from '@vigie/protocol';
import { createHash } from 'node:crypto';
import { mapLine, type QueueLogFields } from './map-line.js';

export type ParsedLine = { ok: true; epoch: number; events: VigieEvent[] } | { ok: false; reason: string };

const EPOCH = /^\d{1,12}$/;
const MAX_NAME = 200;

/** `ql-` + a digest of the line's exact text: the same line always gives the same ids (idempotent imports). */
export function lineId(text: string): string {
  return `ql-${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/**
 * Parses queue_log lines into events. Stateful for one trap: Asterisk writes PAUSEALL (UNPAUSEALL) once and
 * then one PAUSE (UNPAUSE) per queue of the agent; those per-queue lines are dropped so a break counts once.
 */
export class QueueLogParser {
  private readonly lastAll = new Map<string, { verb: string; epoch: number; reason: string }>();

  constructor(private readonly site: string) {}

  parse(text: string): ParsedLine {
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') {
      return { ok: true, epoch: 0, events: [] };
    }
    const parts = line.split('|');
    if (parts.length < 5) {
      return {
        ok: false,
        reason: `${parts.length} fields; a queue_log line has at least 5 (epoch|callid|queue|agent|event)`,
      };
    }
    const [epochText, callid, queue, agent, verb, ...data] = parts as [
      string,
      string,
      string,
      string,
      string,
      ...string[],
    ];
    if (!EPOCH.test(epochText)) {
      return { ok: false, reason: `field 1: epoch "${epochText.slice(0, 40)}" is not a whole number of seconds` };
    }
    if (verb.trim() === '') {
      return { ok: false, reason: 'field 5: the event name is empty' };
    }
    const long = [callid, queue, agent].findIndex((v) => v.length > MAX_NAME);
    if (long >= 0) {
      return { ok: false, reason: `field ${long + 2}: longer than ${MAX_NAME} characters` };
    }
    const fields: QueueLogFields = { epoch: Number(epochText), callid, queue, agent, verb: verb.trim(), data };
    if (this.isEchoOfAll(fields)) {
      return { ok: true, epoch: fields.epoch, events: [] };
    }
    const mapped = mapLine(fields);
    if ('error' in mapped) {
      return { ok: false, reason: mapped.error };
    }
    const id = lineId(line);
    const at = new Date(fields.epoch * 1000).toISOString();
    const events = mapped.drafts.map(
      (draft, i) => ({ ...draft, id: mapped.drafts.length > 1 ? `${id}-${i}` : id, site: this.site, at }) as VigieEvent,
    );
    return { ok: true, epoch: fields.epoch, events };
  }

  private isEchoOfAll(f: QueueLogFields): boolean {
    const reason = f.data[0] ?? '';
    if (f.verb === 'PAUSEALL' || f.verb === 'UNPAUSEALL') {
      this.lastAll.set(f.agent, { verb: f.verb, epoch: f.epoch, reason });
      return false;
    }
    if (f.verb !== 'PAUSE' && f.verb !== 'UNPAUSE') {
      return false;
    }
    const last = this.lastAll.get(f.agent);
    return (
      last !== undefined &&
      last.verb === `${f.verb}ALL` &&
      Math.abs(f.epoch - last.epoch) <= 1 &&
      (reason === '' || reason === last.reason)
    );
  }
}
