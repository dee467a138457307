import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.svelte.js';
import { callerRow, openCallers, type CallbackList, type Caller } from './callbacks.js';

const t = (k: Parameters<typeof i18n.t>[0], v?: Record<string, string | number>) => i18n.t(k, v);
const abandon = (contactId: string, abandonedAt: string, waitSec: number, queue = 'standard') => ({
  contactId,
  queue,
  abandonedAt,
  waitSec,
});
const caller = (key: string, fields: Partial<Caller> = {}): Caller => ({
  key,
  callerId: key,
  queues: ['standard'],
  abandoned: [],
  callsToday: 1,
  reachedLater: false,
  status: 'open',
  marks: [],
  ...fields,
});

describe('callbacks tile and page formatting', () => {
  it('reads a repeat caller as ×2 with the last abandon and the longest wait', () => {
    const row = callerRow(
      caller('0611223344', {
        queues: ['standard', 'vip'],
        abandoned: [abandon('a1', '2026-02-10T08:00:00Z', 60), abandon('a2', '2026-02-10T08:05:30Z', 20, 'vip')],
      }),
      t,
      'fr-FR',
      'Europe/Paris',
    );
    expect(row).toEqual({
      key: '0611223344',
      who: '0611223344',
      queues: 'standard, vip',
      abandons: '×2',
      lastAbandon: '09:05:30',
      longestWait: '01:00',
    });
  });

  it('calls a caller without caller id "inconnu"', () => {
    const row = callerRow(
      caller('c9', { callerId: null, abandoned: [abandon('c9', '2026-02-10T08:00:00Z', 5)] }),
      t,
      'fr-FR',
    );
    expect(row.who).toBe('inconnu');
    expect(row.abandons).toBe('×1');
  });

  it('keeps the open callers of the queue asked, the latest abandon first', () => {
    const list: CallbackList = {
      day: '2026-02-10',
      toCallBack: 2,
      callers: [
        caller('a', { abandoned: [abandon('1', '2026-02-10T08:00:00Z', 5)] }),
        caller('b', { abandoned: [abandon('2', '2026-02-10T09:00:00Z', 5)], queues: ['vip'] }),
        caller('c', { status: 'done', abandoned: [abandon('3', '2026-02-10T10:00:00Z', 5)] }),
      ],
    };
    expect(openCallers(list).map((c) => c.key)).toEqual(['b', 'a']);
    expect(openCallers(list, 'vip').map((c) => c.key)).toEqual(['b']);
  });
});
