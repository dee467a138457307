import type { BreakAdvice, BreakReasonCode } from '@vigie/domain';
import type { AgentLive, AgentState } from '@vigie/protocol';
import { formatCount, formatDuration, formatPercent } from '../format/format.js';
import type { MessageKey } from '../i18n/fr.js';

/** A pending break request as `GET /break-requests` and `breaks.requests` give it (docs/breaks.md). */
export interface AdvisedRequest {
  id: string;
  agent: string;
  reason: string;
  durationSec: number;
  status: string;
  requestedAt: string;
  workedSinceBreakSec: number;
  rank: number;
  name: string | null;
  team: string | null;
  /** Null when the agent is no longer logged in. */
  advice: BreakAdvice | null;
}

/** `breaks.requests` on the `/live` socket. */
export interface BreakRequestsMessage {
  site: string;
  at: string;
  requests: AdvisedRequest[];
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The advice in words, with an icon so it never rests on colour alone, and its class (`advice-…`). */
export function adviceLabel(advice: BreakAdvice | null, t: Translate): { icon: string; text: string; cls: string } {
  if (advice === null) {
    return { icon: '–', text: t('advice.none'), cls: 'advice-none' };
  }
  if (advice.kind === 'grant') {
    return { icon: '✓', text: t('advice.grant'), cls: 'advice-grant' };
  }
  if (advice.kind === 'overdue') {
    return { icon: '⚠', text: t('advice.overdue'), cls: 'advice-overdue' };
  }
  const key = advice.beyondHorizon ? 'advice.beyond' : 'advice.wait';
  return { icon: '⏳', text: t(key, { n: advice.minutes }), cls: 'advice-wait' };
}

const REASON_KEYS: Record<BreakReasonCode, MessageKey> = {
  overdue: 'advice.reason.overdue',
  'service-level': 'advice.reason.service-level',
  unstable: 'advice.reason.unstable',
  'max-breaks-team': 'advice.reason.max-breaks-team',
  'max-breaks-queue': 'advice.reason.max-breaks-queue',
  'min-ready': 'advice.reason.min-ready',
  'beyond-horizon': 'advice.reason.beyond-horizon',
};

/** What holds the break back, in words (`Niveau de service : standard`). */
export function adviceReasons(advice: BreakAdvice | null, t: Translate): string[] {
  return (advice?.reasons ?? []).map((r) => t(REASON_KEYS[r.code], { queue: r.queue ?? '' }));
}

export interface AgentFilter {
  /** A team name, or '' for every team. */
  team: string;
  /** A state, or '' for every state. */
  state: AgentState | '';
}

/** Logged-in agents of the team and in the state asked ('' for all), by name. */
export function filterAgents(agents: readonly AgentLive[], filter: AgentFilter): AgentLive[] {
  return agents
    .filter(
      (a) =>
        a.state !== 'logged_out' &&
        (filter.team === '' || a.team === filter.team) &&
        (filter.state === '' || a.state === filter.state),
    )
    .sort((a, b) => (a.name ?? a.agent).localeCompare(b.name ?? b.agent));
}

/** The teams of the logged-in agents, sorted, for the filter. */
export function teamsOf(agents: readonly AgentLive[]): string[] {
  const teams = agents.filter((a) => a.state !== 'logged_out' && a.team !== null).map((a) => a.team!);
  return [...new Set(teams)].sort();
}

/** An alarm's figure value as the floor reads it: durations for `…Sec`, percentages for ratios, else a count. */
export function alarmValue(figure: string, value: number | null, locale: string): string {
  if (value === null) {
    return '—';
  }
  if (figure.endsWith('Sec')) {
    return formatDuration(value);
  }
  if (/serviceLevel|serviceQuality/.test(figure)) {
    return formatPercent(value, locale);
  }
  return formatCount(value, locale);
}
