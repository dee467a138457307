import { eventTime, type VigieEvent } from '@vigie/protocol';

export interface ExpectedRow {
  queue: string;
  day: string;
  offered: number;
  answered: number;
  abandoned: number;
  notDistributed: number;
  received: number;
  answeredWithinSl: number;
  serviceQuality: number | null;
  serviceLevel: number | null;
  avgWaitAnsweredSec: number | null;
  avgTalkSec: number | null;
  maxWaitSec: number;
}

/**
 * CONTRACT.md's figures per queue and local day, computed plainly and independently of the engine (the way
 * shared/conformance/floor.py's reference does): the oracle tests compare the product against.
 */
export function expectedFigures(events: Iterable<VigieEvent>, timeZone: string, slTargetSec = 20): ExpectedRow[] {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const entered = new Map<string, string>();
  const rows = new Map<string, ExpectedRow & { waitSum: number; talkSum: number; talkN: number }>();
  for (const e of events) {
    if (e.type === 'contact.queued') {
      const day = dayOf.format(eventTime(e));
      const key = `${e.queue}|${day}`;
      entered.set(`${e.queue}|${e.contactId}`, key);
      const row = rows.get(key) ?? { ...blank(e.queue, day), waitSum: 0, talkSum: 0, talkN: 0 };
      row.offered += 1;
      rows.set(key, row);
      continue;
    }
    if (!('contactId' in e) || !('queue' in e) || !e.contactId || !e.queue) {
      continue;
    }
    const row = rows.get(entered.get(`${e.queue}|${e.contactId}`) ?? '');
    if (!row) {
      continue;
    }
    if (e.type === 'contact.answered') {
      row.answered += 1;
      row.waitSum += e.waitSec;
      row.answeredWithinSl += e.waitSec <= slTargetSec ? 1 : 0;
      row.maxWaitSec = Math.max(row.maxWaitSec, e.waitSec);
    } else if (e.type === 'contact.abandoned') {
      row.abandoned += 1;
      row.maxWaitSec = Math.max(row.maxWaitSec, e.waitSec);
    } else if (e.type === 'contact.not_distributed') {
      row.notDistributed += 1;
      row.maxWaitSec = Math.max(row.maxWaitSec, e.waitSec);
    } else if (e.type === 'contact.ended' || e.type === 'contact.transferred') {
      row.talkSum += e.talkSec;
      row.talkN += 1;
    }
  }
  return [...rows.values()]
    .sort((a, b) => (a.queue + a.day < b.queue + b.day ? -1 : 1))
    .map(({ waitSum, talkSum, talkN, ...r }) => {
      const received = r.answered + r.abandoned + r.notDistributed;
      return {
        ...r,
        received,
        serviceQuality: received ? r.answered / received : null,
        serviceLevel: received ? r.answeredWithinSl / received : null,
        avgWaitAnsweredSec: r.answered ? waitSum / r.answered : null,
        avgTalkSec: talkN ? talkSum / talkN : null,
      };
    });
}

function blank(queue: string, day: string): ExpectedRow {
  return {
    queue,
    day,
    offered: 0,
    answered: 0,
    abandoned: 0,
    notDistributed: 0,
    received: 0,
    answeredWithinSl: 0,
    serviceQuality: null,
    serviceLevel: null,
    avgWaitAnsweredSec: null,
    avgTalkSec: null,
    maxWaitSec: 0,
  };
}
