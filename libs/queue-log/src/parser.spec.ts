import { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { QueueLogParser, lineId } from './parser.js';

const parse = (line: string) => {
  const r = new QueueLogParser('paris').parse(line);
  if (!r.ok) {
    throw new Error(r.reason);
  }
  r.events.forEach((e) => VigieEvent.parse(e));
  return r.events.map(({ id: _id, site: _site, ...rest }) => rest);
};
const at = '2026-03-10T08:00:00.000Z';
const T = '1773129600';

describe(QueueLogParser.name, () => {
  it.each([
    [
      'ENTERQUEUE',
      `${T}|c1|std|NONE|ENTERQUEUE||0612345678|3`,
      { type: 'contact.queued', contactId: 'c1', queue: 'std', channel: 'voice', callerId: '0612345678', position: 3 },
    ],
    [
      'ENTERQUEUE before 1.8 (url|callerid)',
      `${T}|c1|std|NONE|ENTERQUEUE||0612345678`,
      { type: 'contact.queued', contactId: 'c1', queue: 'std', channel: 'voice', callerId: '0612345678' },
    ],
    [
      'RINGNOANSWER in milliseconds',
      `${T}|c1|std|SIP/1|RINGNOANSWER|15000`,
      { type: 'contact.ring_no_answer', contactId: 'c1', queue: 'std', agent: 'SIP/1', ringSec: 15 },
    ],
    [
      'RINGCANCELED in milliseconds',
      `${T}|c1|std|SIP/1|RINGCANCELED|2500`,
      { type: 'contact.ring_no_answer', contactId: 'c1', queue: 'std', agent: 'SIP/1', ringSec: 2.5 },
    ],
    [
      'CONNECT, ring time in seconds',
      `${T}|c1|std|SIP/1|CONNECT|12|1773129588.7|4`,
      { type: 'contact.answered', contactId: 'c1', queue: 'std', agent: 'SIP/1', waitSec: 12, ringSec: 4 },
    ],
    [
      'CONNECT before 1.8 (holdtime|uniqueid)',
      `${T}|c1|std|SIP/1|CONNECT|12|1773129588.7`,
      { type: 'contact.answered', contactId: 'c1', queue: 'std', agent: 'SIP/1', waitSec: 12 },
    ],
    [
      'COMPLETECALLER',
      `${T}|c1|std|SIP/1|COMPLETECALLER|12|188|1`,
      {
        type: 'contact.ended',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        waitSec: 12,
        talkSec: 188,
        endedBy: 'caller',
      },
    ],
    [
      'COMPLETEAGENT',
      `${T}|c1|std|SIP/1|COMPLETEAGENT|12|188|1`,
      {
        type: 'contact.ended',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        waitSec: 12,
        talkSec: 188,
        endedBy: 'agent',
      },
    ],
    [
      'BLINDTRANSFER',
      `${T}|c1|std|SIP/1|BLINDTRANSFER|8002|from-internal|12|90|1`,
      {
        type: 'contact.transferred',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        kind: 'blind',
        target: '8002@from-internal',
        waitSec: 12,
        talkSec: 90,
      },
    ],
    [
      'TRANSFER (1.4, no origposition)',
      `${T}|c1|std|SIP/1|TRANSFER|8001|from-internal|12|90`,
      {
        type: 'contact.transferred',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        kind: 'legacy',
        target: '8001@from-internal',
        waitSec: 12,
        talkSec: 90,
      },
    ],
    [
      'ATTENDEDTRANSFER BRIDGE',
      `${T}|c1|std|SIP/1|ATTENDEDTRANSFER|BRIDGE|abc|12|90|1`,
      {
        type: 'contact.transferred',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        kind: 'attended',
        waitSec: 12,
        talkSec: 90,
      },
    ],
    [
      'ATTENDEDTRANSFER LINK (two channel names)',
      `${T}|c1|std|SIP/1|ATTENDEDTRANSFER|LINK|SIP/a-1|SIP/b-2|12|90|1`,
      {
        type: 'contact.transferred',
        contactId: 'c1',
        queue: 'std',
        agent: 'SIP/1',
        kind: 'attended',
        waitSec: 12,
        talkSec: 90,
      },
    ],
    [
      'ABANDON',
      `${T}|c1|std|NONE|ABANDON|2|3|45`,
      { type: 'contact.abandoned', contactId: 'c1', queue: 'std', waitSec: 45, position: 2 },
    ],
    [
      'ABANDON with an agent',
      `${T}|c1|std|SIP/1|ABANDON|1|1|45`,
      { type: 'contact.abandoned', contactId: 'c1', queue: 'std', waitSec: 45, position: 1, agent: 'SIP/1' },
    ],
    [
      'EXITWITHTIMEOUT',
      `${T}|c1|std|NONE|EXITWITHTIMEOUT|1|1|300`,
      { type: 'contact.not_distributed', contactId: 'c1', queue: 'std', reason: 'timeout', waitSec: 300 },
    ],
    [
      'EXITEMPTY',
      `${T}|c1|std|NONE|EXITEMPTY|1|1|1`,
      { type: 'contact.not_distributed', contactId: 'c1', queue: 'std', reason: 'empty', waitSec: 1 },
    ],
    [
      'EXITWITHKEY',
      `${T}|c1|std|NONE|EXITWITHKEY|9|1|1|33`,
      { type: 'contact.not_distributed', contactId: 'c1', queue: 'std', reason: 'key', key: '9', waitSec: 33 },
    ],
    [
      'WITHDRAW',
      `${T}|c1|std|NONE|WITHDRAW|1|1|20|info`,
      { type: 'contact.not_distributed', contactId: 'c1', queue: 'std', reason: 'withdrawn', waitSec: 20 },
    ],
    ['REMOVEMEMBER', `${T}|NONE|std|SIP/1|REMOVEMEMBER|`, { type: 'agent.logged_out', agent: 'SIP/1', queue: 'std' }],
    ['AGENTLOGIN', `${T}|NONE|NONE|Agent/1|AGENTLOGIN|SIP/1-0001`, { type: 'agent.logged_in', agent: 'Agent/1' }],
    [
      'AGENTCALLBACKLOGOFF',
      `${T}|NONE|NONE|Agent/1|AGENTCALLBACKLOGOFF|1@default|3600|`,
      { type: 'agent.logged_out', agent: 'Agent/1' },
    ],
    [
      'a per-queue PAUSE on its own',
      `${T}|NONE|std|SIP/1|PAUSE|Formation`,
      { type: 'agent.paused', agent: 'SIP/1', queue: 'std', reason: 'Formation' },
    ],
    ['UNPAUSEALL', `${T}|NONE|NONE|SIP/1|UNPAUSEALL|`, { type: 'agent.ready', agent: 'SIP/1' }],
    [
      'an unknown verb, kept',
      `${T}|c1|201|NONE|DID|0145000000`,
      { type: 'source.unknown', verb: 'DID', fields: ['0145000000'], contactId: 'c1', queue: '201' },
    ],
  ])('%s', (_, line, expected) => {
    expect(parse(line)).toEqual([{ ...expected, at }]);
  });

  it('gives ADDMEMBER PAUSED a join and a pause', () => {
    expect(parse(`${T}|NONE|std|SIP/1|ADDMEMBER|PAUSED`).map((e) => e.type)).toEqual([
      'agent.logged_in',
      'agent.paused',
    ]);
  });

  it('counts PAUSEALL and the per-queue PAUSEs Asterisk writes after it as one break', () => {
    const parser = new QueueLogParser('paris');
    const lines = [
      `${T}|NONE|NONE|SIP/1|PAUSEALL|Pause`,
      `${T}|NONE|std|SIP/1|PAUSE|Pause`,
      `${T}|NONE|vip|SIP/1|PAUSE|Pause`,
      `1773130200|NONE|NONE|SIP/1|UNPAUSEALL|Pause`,
      `1773130200|NONE|std|SIP/1|UNPAUSE|Pause`,
      `1773130201|NONE|vip|SIP/1|UNPAUSE|Pause`,
    ];
    const events = lines.flatMap((l) => {
      const r = parser.parse(l);
      return r.ok ? r.events : [];
    });
    expect(events.map((e) => [e.type, 'queue' in e ? e.queue : undefined])).toEqual([
      ['agent.paused', undefined],
      ['agent.ready', undefined],
    ]);
  });

  it('derives ids from the line, so a duplicated line gives the same id', () => {
    const line = `${T}|c1|std|NONE|ENTERQUEUE||0612345678|1`;
    const a = new QueueLogParser('paris').parse(line);
    const b = new QueueLogParser('lyon').parse(`${line}\r`);
    expect(a.ok && b.ok && a.events[0]!.id === b.events[0]!.id).toBe(true);
    expect(a.ok && a.events[0]!.id).toBe(lineId(line));
  });

  it.each([
    ['1773129600|c1|std', /3 fields/],
    ['abc|c1|std|NONE|ENTERQUEUE', /field 1: epoch "abc"/],
    ['1773129600.5|c1|std|NONE|ENTERQUEUE', /field 1/],
    [`${T}|c1|std|SIP/1|CONNECT`, /CONNECT: holdtime \(data1\) missing/],
    [`${T}|c1|std|SIP/1|COMPLETECALLER|12|x|1`, /calltime \(data2\) "x" is not a number/],
    [`${T}|NONE|std|NONE|ENTERQUEUE||0612|1`, /needs a call id/],
    [`${T}|c1|std|NONE|`, /event name is empty/],
  ])('rejects %s with a clear reason', (line, reason) => {
    const r = new QueueLogParser('paris').parse(line);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('treats a blank line as nothing, not an error', () => {
    expect(new QueueLogParser('paris').parse('  ')).toEqual({ ok: true, epoch: 0, events: [] });
  });
});
