import { session } from '../api/client.js';
import { formatClock, formatDuration } from '../format/format.js';
import type { MessageKey } from '../i18n/fr.js';

/** `GET /api/v1/sites/{site}/callbacks` (docs/callbacks.md): the day's abandoned callers, grouped by caller. */
export interface CallbackList {
  day: string;
  toCallBack: number;
  callers: Caller[];
}

export interface Caller {
  key: string;
  callerId: string | null;
  queues: string[];
  abandoned: { contactId: string; queue: string; abandonedAt: string; waitSec: number }[];
  callsToday: number;
  reachedLater: boolean;
  status: 'open' | 'done' | 'reached_later';
  marks: { outcome: Outcome; note: string | null; by: string; at: string }[];
}

/** What a call back gives, in the order the buttons show them. */
export const OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number', 'not_needed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const outcomeKey = (outcome: Outcome): MessageKey => `callbacks.outcome.${outcome}`;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A caller as the floor reads it: who ("inconnu" without caller id), queues, "×2", last abandon, longest wait. */
export interface CallerRow {
  key: string;
  who: string;
  queues: string;
  abandons: string;
  lastAbandon: string;
  longestWait: string;
}

export function callerRow(caller: Caller, t: Translate, locale: string, timeZone?: string): CallerRow {
  const last = caller.abandoned
    .map((a) => a.abandonedAt)
    .sort()
    .at(-1);
  return {
    key: caller.key,
    who: caller.callerId ?? t('callbacks.unknown'),
    queues: caller.queues.join(', '),
    abandons: `×${caller.abandoned.length}`,
    lastAbandon: last === undefined ? '—' : formatClock(last, locale, timeZone),
    longestWait: formatDuration(Math.max(0, ...caller.abandoned.map((a) => a.waitSec))),
  };
}

/** The callers still to call back (of one queue when given), the latest abandon first. */
export function openCallers(list: CallbackList, queue?: string): Caller[] {
  const lastOf = (c: Caller) =>
    c.abandoned
      .map((a) => a.abandonedAt)
      .sort()
      .at(-1) ?? '';
  return list.callers
    .filter((c) => c.status === 'open' && (queue === undefined || c.queues.includes(queue)))
    .sort((a, b) => lastOf(b).localeCompare(lastOf(a)));
}

/** Downloads `callbacks.csv` with the bearer token (a plain link would carry none): fetch, then a Blob URL. */
export async function downloadCsv(site: string, day: string): Promise<void> {
  const url = `/api/v1/sites/${encodeURIComponent(site)}/callbacks.csv?day=${encodeURIComponent(day)}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
  if (!response.ok) {
    throw new Error(response.statusText || String(response.status));
  }
  const href = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href, download: `rappels-${site}-${day}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
