import type { ActiveAlarmLive, AgentLive } from '@vigie/protocol';
import { formatDuration } from '../format/format.js';
import type { Translate } from './console.js';

/** The alarm rules that say an agent may be away from the desk (docs/alarms.md). */
export const ABSENT_RULES = ['ring-no-answer', 'idle-while-waiting'] as const;

export interface AbsentAgent {
  key: string;
  agent: string;
  name: string;
  reason: string;
  acknowledged: boolean;
}

/** The reason in words: "3 appels non répondus d'affilée", "prêt sans prendre d'appel depuis 02:10 alors que…". */
export function absentReason(alarm: ActiveAlarmLive, t: Translate): string {
  const value = alarm.value ?? 0;
  return alarm.ruleId === 'ring-no-answer'
    ? t('absent.ringNoAnswer', { n: value })
    : t('absent.idle', { d: formatDuration(value) });
}

/** Agents with an active alarm of an absence rule, with their name when the floor knows it. */
export function absentAgents(
  alarms: readonly ActiveAlarmLive[],
  agents: readonly AgentLive[],
  t: Translate,
): AbsentAgent[] {
  return alarms
    .filter((a) => a.subject.kind === 'agent' && (ABSENT_RULES as readonly string[]).includes(a.ruleId))
    .map((a) => ({
      key: a.key,
      agent: a.subject.name,
      name: agents.find((x) => x.agent === a.subject.name)?.name ?? a.subject.name,
      reason: absentReason(a, t),
      acknowledged: a.acknowledged,
    }));
}
