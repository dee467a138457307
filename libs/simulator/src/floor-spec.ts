import type { Channel } from '@vigie/protocol';

export interface QueueSpec {
  name: string;
  channel: Channel;
  /** Share of the day's contacts. */
  share: number;
  talkMeanSec: number;
  /** Callers hang up after an exponential patience of this mean; null: they never do (written channels). */
  patienceMeanSec: number | null;
  /** Left without an agent after this wait (EXITWITHTIMEOUT); null: no timeout. */
  timeoutSec: number | null;
  actionType: string;
  /** Lower is served first. */
  priority: number;
}

/** The demo floor: four voice queues and an e-mail queue, in the proportions of a retail bank's service. */
export const DEMO_QUEUES: readonly QueueSpec[] = [
  {
    name: 'standard',
    channel: 'voice',
    share: 0.45,
    talkMeanSec: 170,
    patienceMeanSec: 345,
    timeoutSec: 420,
    actionType: 'Appel Standard',
    priority: 10,
  },
  {
    name: 'vip',
    channel: 'voice',
    share: 0.08,
    talkMeanSec: 240,
    patienceMeanSec: 200,
    timeoutSec: null,
    actionType: 'Appel VIP',
    priority: 1,
  },
  {
    name: 'sav',
    channel: 'voice',
    share: 0.27,
    talkMeanSec: 300,
    patienceMeanSec: 400,
    timeoutSec: 600,
    actionType: 'Appel Standard',
    priority: 10,
  },
  {
    name: 'ventes',
    channel: 'voice',
    share: 0.15,
    talkMeanSec: 210,
    patienceMeanSec: 300,
    timeoutSec: null,
    actionType: 'Campagne Prospection',
    priority: 12,
  },
  {
    name: 'email',
    channel: 'email',
    share: 0.05,
    talkMeanSec: 360,
    patienceMeanSec: null,
    timeoutSec: null,
    actionType: 'Mail Standard',
    priority: 15,
  },
];

const FIRST = [
  'Julie',
  'Karim',
  'Sophie',
  'Thomas',
  'Nadia',
  'Lucas',
  'Emma',
  'Hugo',
  'Léa',
  'Mehdi',
  'Chloé',
  'Antoine',
  'Inès',
  'Paul',
  'Camille',
  'Yanis',
  'Manon',
  'Louis',
  'Sarah',
  'Nicolas',
  'Amira',
  'Julien',
  'Clara',
  'Maxime',
  'Zoé',
];
const LAST = 'BCDFGHJLMNPRSTV';

/** An agent of the floor: id, display name, team and the queues it serves. */
export interface AgentSpec {
  agent: string;
  name: string;
  team: string;
  skills: string[];
}

export function demoAgents(count: number): AgentSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const skills = ['standard'];
    if (i % 3 === 0) {
      skills.push('vip');
    }
    if (i % 2 === 0) {
      skills.push('sav');
    }
    if (i % 4 === 1) {
      skills.push('ventes');
    }
    if (i % 5 === 4) {
      skills.push('email');
    }
    return {
      agent: `SIP/${2001 + i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}.`,
      team: i % 2 === 0 ? 'Équipe A' : 'Équipe B',
      skills,
    };
  });
}
