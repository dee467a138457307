import type { BreakAdvice } from '@vigie/domain';
import type { AgentLive } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.svelte.js';
import { adviceLabel, adviceReasons, alarmValue, filterAgents, teamsOf } from './console.js';

const t = i18n.t.bind(i18n);
const common = {
  reasons: [],
  queues: [],
  entitlement: { earnedSec: 600, takenSec: 0, remainingSec: 600 },
  workedSinceLastBreakSec: 3600,
};

function agent(id: string, state: AgentLive['state'], team: string | null, name: string | null = null): AgentLive {
  return {
    agent: id,
    name,
    team,
    state,
    since: '2026-02-10T08:00:00Z',
    pauseReason: null,
    loggedInSec: 0,
    pausedSec: 0,
    readySec: 0,
    talkSec: 0,
    wrapupSec: 0,
    answered: 0,
    handled: 0,
    avgHandlingSec: null,
    ringNoAnswer: 0,
    ringNoAnswerInARow: 0,
    pauseByReason: {},
    pauseCountByReason: {},
    queues: ['standard'],
    levels: {},
  };
}

describe('break advice on the console', () => {
  it('says each advice in words with an icon and a class of its own', () => {
    expect(adviceLabel({ ...common, kind: 'grant' }, t)).toEqual({
      icon: '✓',
      text: 'Accorder maintenant',
      cls: 'advice-grant',
    });
    const wait: BreakAdvice = { ...common, kind: 'wait', minutes: 15, beyondHorizon: false };
    expect(adviceLabel(wait, t)).toMatchObject({ text: 'Attendre ~15 min', cls: 'advice-wait' });
    expect(adviceLabel({ ...wait, minutes: 60, beyondHorizon: true }, t).text).toBe('Attendre plus de 60 min');
    expect(adviceLabel({ ...common, kind: 'overdue' }, t)).toMatchObject({
      text: 'En retard — accorder malgré la charge',
      cls: 'advice-overdue',
    });
    expect(adviceLabel(null, t)).toMatchObject({ text: 'Agent déconnecté', cls: 'advice-none' });
  });

  it('names what holds a break back, in English too', () => {
    const advice: BreakAdvice = {
      ...common,
      kind: 'wait',
      minutes: 15,
      beyondHorizon: false,
      reasons: [{ code: 'service-level', queue: 'vip' }, { code: 'max-breaks-team' }],
    };
    expect(adviceReasons(advice, t)).toEqual([
      'niveau de service insuffisant à N−1 (vip)',
      "trop de pauses dans l'équipe",
    ]);
    i18n.locale = 'en';
    expect(adviceLabel(advice, t).text).toBe('Wait ~15 min');
    expect(adviceReasons(advice, t)[0]).toBe('service level short with N−1 (vip)');
    i18n.locale = 'fr';
    expect(adviceReasons(null, t)).toEqual([]);
  });
});

describe('agent filters', () => {
  const agents = [
    agent('SIP/3', 'paused', 'B', 'Zoé'),
    agent('SIP/1', 'ready', 'A', 'Alice'),
    agent('SIP/2', 'talking', 'A'),
    agent('SIP/4', 'logged_out', 'C'),
  ];

  it('keeps logged-in agents of the team and state asked, by name', () => {
    expect(filterAgents(agents, { team: '', state: '' }).map((a) => a.agent)).toEqual(['SIP/1', 'SIP/2', 'SIP/3']);
    expect(filterAgents(agents, { team: 'A', state: '' }).map((a) => a.agent)).toEqual(['SIP/1', 'SIP/2']);
    expect(filterAgents(agents, { team: 'A', state: 'talking' }).map((a) => a.agent)).toEqual(['SIP/2']);
    expect(filterAgents(agents, { team: '', state: 'paused' }).map((a) => a.agent)).toEqual(['SIP/3']);
    expect(filterAgents(agents, { team: 'C', state: '' })).toEqual([]);
  });

  it('offers the teams of logged-in agents only', () => {
    expect(teamsOf([...agents, agent('SIP/5', 'ready', null)])).toEqual(['A', 'B']);
  });
});

describe('alarm values', () => {
  it('reads durations, ratios and counts as the floor does', () => {
    expect(alarmValue('longestWaitSec', 95, 'fr-FR')).toBe('01:35');
    expect(alarmValue('current15.serviceLevel', 0.72, 'en-GB')).toBe('72%');
    expect(alarmValue('waiting', 12, 'fr-FR')).toBe('12');
    expect(alarmValue('waiting', null, 'fr-FR')).toBe('—');
  });
});
