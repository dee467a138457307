import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { parseQueueLogStream, type QueueLogItem } from './stream.js';

/** A row of the realtime (database) backend's `queue_log` table, as exported to CSV. */
export interface QueueLogRow {
  date_time?: string;
  callid?: string;
  queue_name?: string;
  type?: string;
  event?: string;
  param1?: string;
  param2?: string;
  param3?: string;
  entpos?: string;
  expos?: string;
  htime?: string;
  ttime?: string;
}

/**
 * The native line for a realtime row: the table splits the data into params plus pre-parsed columns
 * (`htime` hold or ring ms, `ttime` talk, `entpos`/`expos` positions), which are put back where queue_log has them.
 */
export function rowToLine(r: QueueLogRow): string {
  const v = (x: string | undefined) => x ?? '';
  const verb = v(r.event);
  const data = (() => {
    switch (verb) {
      case 'ENTERQUEUE':
        return ['', v(r.param1), v(r.entpos)];
      case 'RINGNOANSWER':
      case 'RINGCANCELED':
        return [v(r.htime)];
      case 'CONNECT':
        return [v(r.htime), v(r.param2), v(r.param3)];
      case 'COMPLETECALLER':
      case 'COMPLETEAGENT':
        return [v(r.htime), v(r.ttime), v(r.entpos)];
      case 'BLINDTRANSFER':
      case 'TRANSFER':
        return [v(r.param2), v(r.param3), v(r.htime), v(r.ttime), v(r.entpos)];
      case 'ATTENDEDTRANSFER':
        return ['BRIDGE', '', v(r.htime), v(r.ttime), v(r.entpos)];
      case 'ABANDON':
      case 'EXITWITHTIMEOUT':
      case 'EXITEMPTY':
      case 'WITHDRAW':
        return [v(r.expos), v(r.entpos), v(r.htime)];
      case 'EXITWITHKEY':
        return [v(r.param1), v(r.expos), v(r.entpos), v(r.htime)];
      default:
        return [v(r.param1), v(r.param2), v(r.param3)].filter(
          (x, i, all) => x !== '' || all.slice(i).some((y) => y !== ''),
        );
    }
  })();
  return [v(r.date_time), v(r.callid), v(r.queue_name), v(r.type), verb, ...data].join('|');
}

/** Parses a realtime CSV export (header line first) into events, line numbers counting the header. */
export async function* parseQueueLogCsvStream(
  input: Readable | string,
  opts: { site: string },
): AsyncGenerator<QueueLogItem> {
  const parser = parse({ columns: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  if (typeof input === 'string') {
    parser.end(input);
  } else {
    input.pipe(parser);
  }
  async function* lines(): AsyncGenerator<string> {
    for await (const row of parser as AsyncIterable<QueueLogRow>) {
      yield rowToLine(row);
    }
  }
  for await (const item of parseQueueLogStream(lines(), opts)) {
    yield { ...item, line: item.line + 1 };
  }
}
