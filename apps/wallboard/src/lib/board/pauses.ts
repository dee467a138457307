import type { PauseLive } from '@vigie/protocol';
import { formatCount, formatDuration } from '../format/format.js';
import type { MessageKey } from '../i18n/fr.js';

type Translate = (key: MessageKey) => string;

/** `hh:mm:ss` always (today's totals run past the hour): the floor compares them column by column. */
export function formatHms(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

export interface PauseRow {
  reason: string;
  agentsNow: string;
  longestNow: string;
  countToday: string;
  totalToday: string;
  max: string;
  paid: string;
  /** Agents past the maximum now: the row takes the red level. */
  overMax: number;
}

/** A pause reason as the `pauses` tile shows it: longest now `mm:ss`, today's total `hh:mm:ss`, paid or not. */
export function pauseRow(p: PauseLive, t: Translate, locale: string): PauseRow {
  return {
    reason: p.reason,
    agentsNow: formatCount(p.agentsNow, locale),
    longestNow: p.agentsNow > 0 ? formatDuration(p.longestNowSec) : '—',
    countToday: formatCount(p.countToday, locale),
    totalToday: formatHms(p.totalSecToday),
    max: p.maxSec === null ? '—' : formatDuration(p.maxSec),
    paid: p.paid === null ? '—' : t(p.paid ? 'pauses.paid' : 'pauses.unpaid'),
    overMax: p.overMax,
  };
}
