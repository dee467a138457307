import { VigieEvent } from '@vigie/protocol';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQueueLogCsvStream } from './csv.js';
import { parseQueueLogStream, parseQueueLogText } from './stream.js';

const sample = (name: string) =>
  readFileSync(new URL(`../../../../shared/data/queue_log/${name}`, import.meta.url), 'utf8');
const countBy = (events: VigieEvent[]) =>
  events.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.type]: (acc[e.type] ?? 0) + 1 }), {});

describe(parseQueueLogStream.name, () => {
  it('puts lines slightly out of order back in time order, keeping file order for equal times', async () => {
    const lines = [
      '100|a|q|NONE|ENTERQUEUE||1|1',
      '105|a|q|SIP/1|CONNECT|5|x|1',
      '103|b|q|NONE|ENTERQUEUE||2|1',
      '103|c|q|NONE|ENTERQUEUE||3|1',
      'bad',
      '200|b|q|NONE|ABANDON|1|1|97',
    ];
    const items = [];
    for await (const item of parseQueueLogStream(lines, { site: 's', reorderWindowSec: 10 })) {
      items.push('rejected' in item ? `reject ${item.line}` : `${item.line}`);
    }
    expect(items).toEqual(['reject 5', '1', '3', '4', '2', '6']);
  });

  it('keeps memory bounded: a full window releases its oldest lines', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${1000 - i}|c${i}|q|NONE|ENTERQUEUE||1|1`);
    let released = 0;
    for await (const item of parseQueueLogStream(lines, { site: 's', reorderMaxLines: 10 })) {
      released += 'events' in item ? 1 : 0;
    }
    expect(released).toBe(50);
  });
});

describe('the real samples in shared/data/queue_log', () => {
  it('reads the asterisk2slack fixture: duplicates share ids, unknown verbs are kept', async () => {
    const parsed = await parseQueueLogText(sample('xalakox-asterisk2slack__test_fixtures_queue_log'), 'paris');
    parsed.events.forEach((e) => VigieEvent.parse(e));
    expect(parsed.rejected).toEqual([]);
    // Hand-counted: 1 DID, 8 ENTERQUEUE lines (7 of them identical), 3 RINGNOANSWER, 3 CONNECT, 6 COMPLETE*.
    expect(countBy(parsed.events)).toEqual({
      'source.unknown': 1,
      'contact.queued': 8,
      'contact.ring_no_answer': 3,
      'contact.answered': 3,
      'contact.ended': 6,
    });
    const queuedIds = parsed.events.filter((e) => e.type === 'contact.queued').map((e) => e.id);
    expect(new Set(queuedIds).size).toBe(2);
    const times = parsed.events.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it('refuses the AMI capture line by line (it is not queue_log) without failing the import', async () => {
    const text = sample('litnimax-asterisk-stats__examples_asterisk13.events');
    const parsed = await parseQueueLogText(text, 'paris');
    const nonBlank = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(parsed.events).toEqual([]);
    expect(parsed.rejected).toHaveLength(nonBlank);
    expect(parsed.rejected[0]!.reason).toMatch(/at least 5/);
  });

  it('reads the realtime CSV export: 108 calls queued, waits and talk from the pre-parsed columns', async () => {
    const events: VigieEvent[] = [];
    const rejected: number[] = [];
    for await (const item of parseQueueLogCsvStream(sample('srinimonster-voipreports1__queue_log.csv'), {
      site: 's',
    })) {
      if ('rejected' in item) {
        rejected.push(item.line);
      } else {
        events.push(...item.events);
      }
    }
    events.forEach((e) => VigieEvent.parse(e));
    expect(rejected).toEqual([]);
    const counts = countBy(events);
    expect(counts).toMatchObject({
      'contact.queued': 108,
      'contact.answered': 93,
      'contact.ended': 89,
      'contact.abandoned': 12,
      'contact.not_distributed': 1,
      'contact.transferred': 2,
      'contact.ring_no_answer': 360,
    });
    const call = events.filter((e) => 'contactId' in e && e.contactId === '1543602660.197');
    expect(call.find((e) => e.type === 'contact.answered')).toMatchObject({
      agent: 'Agent/1127',
      waitSec: 76,
      ringSec: 6,
    });
    expect(call.find((e) => e.type === 'contact.ended')).toMatchObject({ talkSec: 847, endedBy: 'caller' });
    expect(call.find((e) => e.type === 'contact.ring_no_answer')).toMatchObject({ ringSec: 10 });
  });
});
