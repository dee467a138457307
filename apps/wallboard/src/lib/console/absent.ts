import type { ActiveAlarmLive, AgentLive } from '@vigie/protocol';
import { formatDuration } from '../format/format.js';
import type { Translate } from './console.js';

/** The alarm rules that say an agent may be away from the desk (docs/alarms.md). */
export const ABSENT_RULES = ['ring-no-answer', 'idle-while-waiting'] as const;

/** One agent who may be away, with every reason (an agent can miss rings and sit idle at once). */
export interface AbsentAgent {
  agent: string;
  name: string;
  reasons: string[];
  /** The alarms not yet acknowledged: the supervisor's choice acknowledges them all. */
  pendingKeys: string[];
  acknowledged: boolean;
}

/** The reason in words: "3 appels non répondus d'affilée", "prêt sans prendre d'appel depuis 02:10 alors que…". */
export function absentReason(alarm: ActiveAlarmLive, t: Translate): string {
  const value = alarm.value ?? 0;
  return alarm.ruleId === 'ring-no-answer'
    ? t('absent.ringNoAnswer', { n: value })
    : t('absent.idle', { d: formatDuration(value) });
}

/** Agents with an active alarm of an absence rule, one row each, with their name when the floor knows it. */
export function absentAgents(
  alarms: readonly ActiveAlarmLive[],
  agents: readonly AgentLive[],
  t: Translate,
): AbsentAgent[] {
  const rows = new Map<string, AbsentAgent>();
  for (const a of alarms) {
    if (a.subject.kind !== 'agent' || !(ABSENT_RULES as readonly string[]).includes(a.ruleId)) {
      continue;
    }
    const agent = a.subject.name;
    const row = rows.get(agent) ?? {
      agent,
      name: agents.find((x) => x.agent === agent)?.name ?? agent,
      reasons: [],
      pendingKeys: [],
      acknowledged: true,
    };
    row.reasons.push(absentReason(a, t));
    if (!a.acknowledged) {
      row.pendingKeys.push(a.key);
      row.acknowledged = false;
    }
    rows.set(agent, row);
  }
  return [...rows.values()];
}
