import type { VigieEvent } from '@vigie/protocol';

/** The fields of one queue_log line: `epoch|callid|queuename|agent|event|data1|data2|…`. */
export interface QueueLogFields {
  epoch: number;
  callid: string;
  queue: string;
  agent: string;
  verb: string;
  data: string[];
}

type Draft = Omit<VigieEvent, 'id' | 'site' | 'at'> & Record<string, unknown>;
export type Mapped = { drafts: Draft[] } | { error: string };

const none = (v: string | undefined) => v === undefined || v === '' || v === 'NONE';
const present = (v: string | undefined): string | undefined => (none(v) ? undefined : v);

/** A required number in data field `n` (1-based, as QUEUE_LOG.md names them). */
function num(f: QueueLogFields, n: number, what: string): number {
  const raw = f.data[n - 1];
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${f.verb}: ${what} (data${n}) ${raw === undefined ? 'missing' : `"${raw}" is not a number`}`);
  }
  return value;
}

function optionalNum(f: QueueLogFields, n: number): number | undefined {
  const raw = f.data[n - 1];
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function contact(f: QueueLogFields, what: string): { contactId: string; queue: string } {
  if (none(f.callid) || none(f.queue)) {
    throw new RangeError(`${f.verb}: ${what} needs a call id and a queue`);
  }
  return { contactId: f.callid, queue: f.queue };
}

function member(f: QueueLogFields): string {
  if (none(f.agent)) {
    throw new RangeError(`${f.verb}: the agent field is empty`);
  }
  return f.agent;
}

function transfer(f: QueueLogFields): Draft {
  const base = { ...contact(f, 'a transfer'), agent: member(f) };
  if (f.verb === 'ATTENDEDTRANSFER') {
    // LINK carries two channel names, so hold and call times move one field right.
    const shift = f.data[0] === 'LINK' ? 1 : 0;
    return {
      type: 'contact.transferred',
      ...base,
      kind: 'attended',
      waitSec: num(f, 3 + shift, 'holdtime'),
      talkSec: num(f, 4 + shift, 'calltime'),
    };
  }
  const target = present(f.data[0]);
  const context = present(f.data[1]);
  return {
    type: 'contact.transferred',
    ...base,
    kind: f.verb === 'TRANSFER' ? 'legacy' : 'blind',
    ...(target ? { target: context ? `${target}@${context}` : target } : {}),
    waitSec: num(f, 3, 'holdtime'),
    talkSec: num(f, 4, 'calltime'),
  };
}

/** Turns one line's fields into events (without id, site and time), or says why it cannot. */
export function mapLine(f: QueueLogFields): Mapped {
  try {
    return { drafts: drafts(f) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function drafts(f: QueueLogFields): Draft[] {
  switch (f.verb) {
    case 'ENTERQUEUE': {
      const callerId = present(f.data[1]);
      const position = optionalNum(f, 3);
      return [
        {
          type: 'contact.queued',
          ...contact(f, 'ENTERQUEUE'),
          channel: 'voice',
          ...(callerId ? { callerId } : {}),
          ...(position && Number.isInteger(position) && position > 0 ? { position } : {}),
        },
      ];
    }
    case 'RINGNOANSWER':
    case 'RINGCANCELED':
      return [
        {
          type: 'contact.ring_no_answer',
          ...contact(f, f.verb),
          agent: member(f),
          ringSec: num(f, 1, 'ring time ms') / 1000,
        },
      ];
    case 'CONNECT': {
      const ringSec = optionalNum(f, 3);
      return [
        {
          type: 'contact.answered',
          ...contact(f, 'CONNECT'),
          agent: member(f),
          waitSec: num(f, 1, 'holdtime'),
          ...(ringSec !== undefined ? { ringSec } : {}),
        },
      ];
    }
    case 'COMPLETECALLER':
    case 'COMPLETEAGENT':
      return [
        {
          type: 'contact.ended',
          ...contact(f, f.verb),
          agent: member(f),
          waitSec: num(f, 1, 'holdtime'),
          talkSec: num(f, 2, 'calltime'),
          endedBy: f.verb === 'COMPLETECALLER' ? 'caller' : 'agent',
        },
      ];
    case 'BLINDTRANSFER':
    case 'ATTENDEDTRANSFER':
    case 'TRANSFER':
      return [transfer(f)];
    case 'ABANDON': {
      const agent = present(f.agent);
      const position = optionalNum(f, 1);
      return [
        {
          type: 'contact.abandoned',
          ...contact(f, 'ABANDON'),
          waitSec: num(f, 3, 'waittime'),
          ...(position && Number.isInteger(position) && position > 0 ? { position } : {}),
          ...(agent ? { agent } : {}),
        },
      ];
    }
    case 'EXITWITHTIMEOUT':
    case 'EXITEMPTY':
    case 'WITHDRAW':
      return [
        {
          type: 'contact.not_distributed',
          ...contact(f, f.verb),
          reason: f.verb === 'EXITWITHTIMEOUT' ? 'timeout' : f.verb === 'EXITEMPTY' ? 'empty' : 'withdrawn',
          waitSec: num(f, 3, 'waittime'),
        },
      ];
    case 'EXITWITHKEY':
      return [
        {
          type: 'contact.not_distributed',
          ...contact(f, 'EXITWITHKEY'),
          reason: 'key',
          ...(present(f.data[0]) ? { key: f.data[0] } : {}),
          waitSec: num(f, 4, 'waittime'),
        },
      ];
    case 'ADDMEMBER': {
      const joined: Draft = { type: 'agent.logged_in', agent: member(f), queue: f.queue };
      return f.data[0] === 'PAUSED' ? [joined, { type: 'agent.paused', agent: f.agent, queue: f.queue }] : [joined];
    }
    case 'REMOVEMEMBER':
      return [{ type: 'agent.logged_out', agent: member(f), queue: f.queue }];
    case 'AGENTLOGIN':
    case 'AGENTCALLBACKLOGIN':
      return [{ type: 'agent.logged_in', agent: member(f) }];
    case 'AGENTLOGOFF':
    case 'AGENTCALLBACKLOGOFF':
      return [{ type: 'agent.logged_out', agent: member(f) }];
    case 'PAUSE':
    case 'PAUSEALL':
    case 'UNPAUSE':
    case 'UNPAUSEALL': {
      const queue = f.verb.endsWith('ALL') || none(f.queue) ? undefined : f.queue;
      const reason = present(f.data[0]);
      const type = f.verb.startsWith('UN') ? 'agent.ready' : 'agent.paused';
      return [
        {
          type,
          agent: member(f),
          ...(queue ? { queue } : {}),
          ...(type === 'agent.paused' && reason ? { reason } : {}),
        },
      ];
    }
    default:
      return [
        {
          type: 'source.unknown',
          verb: f.verb.slice(0, 100),
          fields: f.data.slice(0, 20).map((d) => d.slice(0, 2000)),
          ...(present(f.callid) ? { contactId: f.callid.slice(0, 200) } : {}),
          ...(present(f.queue) ? { queue: f.queue.slice(0, 200) } : {}),
          ...(present(f.agent) ? { agent: f.agent.slice(0, 200) } : {}),
        },
      ];
  }
}
