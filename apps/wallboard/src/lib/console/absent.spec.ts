import type { ActiveAlarmLive, AgentLive } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.svelte.js';
import { absentAgents } from './absent.js';

const t = (k: Parameters<typeof i18n.t>[0], v?: Record<string, string | number>) => i18n.t(k, v);
const alarm = (ruleId: string, agent: string, figure: string, value: number): ActiveAlarmLive => ({
  key: `${ruleId}|agent:${agent}`,
  ruleId,
  subject: { kind: 'agent', name: agent },
  figure,
  level: 'red',
  value,
  raisedAt: '2026-02-10T08:00:00Z',
  acknowledged: false,
});

describe('agents who may be away', () => {
  it('says why in words, and only for the absence rules on agents', () => {
    const alarms = [
      alarm('ring-no-answer', 'SIP/2001', 'ringNoAnswerInARow', 3),
      alarm('idle-while-waiting', 'SIP/2002', 'idleWhileWaitingSec', 130),
      alarm('long-call', 'SIP/2003', 'currentTalkSec', 2000),
      { ...alarm('ring-no-answer', 'standard', 'x', 1), subject: { kind: 'queue', name: 'standard' } },
    ];
    const agents = [{ agent: 'SIP/2001', name: 'Alice' } as AgentLive];
    expect(absentAgents(alarms, agents, t)).toEqual([
      {
        agent: 'SIP/2001',
        name: 'Alice',
        reasons: ["3 appels non répondus d'affilée"],
        pendingKeys: ['ring-no-answer|agent:SIP/2001'],
        acknowledged: false,
      },
      {
        agent: 'SIP/2002',
        name: 'SIP/2002',
        reasons: ["prêt sans prendre d'appel depuis 02:10 alors que des appels attendent"],
        pendingKeys: ['idle-while-waiting|agent:SIP/2002'],
        acknowledged: false,
      },
    ]);
  });

  it('lists an agent once with every reason, and acknowledges only what is still pending', () => {
    const alarms = [
      alarm('ring-no-answer', 'SIP/2001', 'ringNoAnswerInARow', 3),
      { ...alarm('idle-while-waiting', 'SIP/2001', 'idleWhileWaitingSec', 95), acknowledged: true },
    ];
    expect(absentAgents(alarms, [], t)).toEqual([
      {
        agent: 'SIP/2001',
        name: 'SIP/2001',
        reasons: [
          "3 appels non répondus d'affilée",
          "prêt sans prendre d'appel depuis 01:35 alors que des appels attendent",
        ],
        pendingKeys: ['ring-no-answer|agent:SIP/2001'],
        acknowledged: false,
      },
    ]);
  });

  it('speaks English on request', () => {
    i18n.locale = 'en';
    const [row] = absentAgents([alarm('ring-no-answer', 'SIP/2001', 'ringNoAnswerInARow', 4)], [], t);
    expect(row?.reasons).toEqual(['4 calls unanswered in a row']);
    i18n.locale = 'fr';
  });
});
