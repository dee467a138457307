import type { PayLine } from '@vigie/domain';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import {
  caller,
  openPeriod,
  reviseEvaluation,
  setUpSite,
  tiers,
  validateEvaluation,
  type Call,
  type Headers,
} from './evaluation.js';

/**
 * The site `pay` of the pay specs (docs/evaluation.md, "Pay"): a week of events for five agents in teams A and B,
 * and their evaluations scored, acknowledged and validated through the evaluation API.
 */
export const ZONE = 'Europe/Paris';

export const USERS = {
  hr: { email: 'rh@test.local', password: 'hr-password-1', roles: ['hr'] },
  /** Without teams: site-wide. */
  supervisor: { email: 'sup@test.local', password: 'sup-password-1', roles: ['supervisor'] },
  agent1001: { email: 'agent1001@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/1001' },
  agent1002: { email: 'agent1002@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/1002' },
  agent1003: { email: 'agent1003@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/1003' },
  agent2001: { email: 'agent2001@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/2001' },
} as const;

export type PayWho = keyof typeof USERS | 'admin';

/** Individual tiers on the grid score; a collective pool on the team's service level; a challenge; an agent cap. */
export const RULES = {
  currency: 'EUR',
  individual: {
    tiers: [
      { from: 6000, to: 7500, cents: 5555 },
      { from: 7500, to: 9000, cents: 10_001 },
      { from: 9000, cents: 20_000 },
    ],
  },
  collective: [
    {
      id: 'sl',
      label: 'Niveau de service',
      figure: 'serviceLevel',
      tiers: [
        { from: 0.5, to: 0.8, cents: 10_000 },
        { from: 0.8, cents: 20_000 },
      ],
    },
  ],
  challenges: [{ id: 'nps', label: 'Meilleur NPS', prizeCents: 5000 }],
  caps: { perAgentCents: 30_000, perPeriodCents: null },
  proration: { partTime: true, absence: true },
};

/** The terms of the worked example: SIP/1001 won the challenge; SIP/1002 is 60 % part-time, three days scheduled. */
export const TERMS = {
  'SIP/1001': { challengesWon: ['nps'] },
  'SIP/1002': { partTimeBp: 6000, scheduledDays: 3 },
};

/** The scores the evaluations are given, out of 100. */
const SCORES = [50, 65, 75, 80, 90, 95, 99];

/**
 * One manual criterion on a 0–100 scale whose tiers `[s, s + 1)` give `s` points of a maximum 100 for each score `s`
 * wanted: a score of 90 is 90/100, 9000 basis points.
 */
export const GRID = {
  id: 'note',
  label: 'Note globale',
  validFrom: '2026-01-01',
  teams: [],
  sections: [
    {
      id: 'overall',
      label: 'Ensemble',
      weight: 1,
      criteria: [
        {
          id: 'score',
          label: 'Note',
          weight: 1,
          kind: 'manual',
          scale: { min: 0, max: 100 },
          naAllowed: false,
          tiers: tiers(...SCORES.map((s): [number, number, number] => [s, s + 1, s]), [100, undefined, 100]),
        },
      ],
    },
  ],
};

// Week of Monday 2 to Sunday 8 November 2026 (Paris, UTC+1): five weekdays.
const WEEKDAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const AGENTS = [
  { agent: 'SIP/1001', name: 'Zoé Ünal', team: 'A', days: WEEKDAYS },
  { agent: 'SIP/1002', name: 'Léa Martin', team: 'A', days: ['2026-11-02', '2026-11-04', '2026-11-06'] },
  // Four weekdays and a Saturday: one day of absence by default.
  { agent: 'SIP/1003', name: 'Omar Haddad', team: 'A', days: [...WEEKDAYS.slice(0, 4), '2026-11-07'] },
  { agent: 'SIP/1004', name: 'Paul Roux', team: 'A', days: WEEKDAYS },
  { agent: 'SIP/2001', name: '@Bruno', team: 'B', days: WEEKDAYS },
];

/** Logins 09:00–17:00 local; on Monday team A's queue gets 4 calls (3 within 20 s: SL 0.75), team B's 2 (SL 1). */
function events(): unknown[] {
  const list: ({ at: string } & Record<string, unknown>)[] = [];
  const at = (day: string, time: string) => `${day}T${time}Z`;
  const push = (e: { at: string } & Record<string, unknown>) => list.push({ site: 'pay', ...e });
  for (const a of AGENTS) {
    for (const day of a.days) {
      push({ type: 'agent.logged_in', at: at(day, '08:00:00'), agent: a.agent, name: a.name, team: a.team });
    }
  }
  const calls = [
    ['sales', 'SIP/1001', 10],
    ['sales', 'SIP/1002', 15],
    ['sales', 'SIP/1003', 5],
    ['sales', 'SIP/1001', 40],
    ['support', 'SIP/2001', 8],
    ['support', 'SIP/2001', 12],
  ] as const;
  calls.forEach(([queue, agent, waitSec], i) => {
    const minute = String(10 + i * 5);
    const contactId = `c${i}`;
    push({ type: 'contact.queued', at: at('2026-11-02', `09:${minute}:00`), contactId, queue });
    const answeredAt = at('2026-11-02', `09:${minute}:${String(waitSec).padStart(2, '0')}`);
    push({ type: 'contact.answered', at: answeredAt, contactId, queue, agent, waitSec });
    push({
      type: 'contact.ended',
      at: at('2026-11-02', `09:${Number(minute) + 3}:00`),
      contactId,
      queue,
      agent,
      talkSec: 150,
    });
  });
  for (const a of AGENTS) {
    for (const day of a.days) {
      push({ type: 'agent.logged_out', at: at(day, '16:00:00'), agent: a.agent });
    }
  }
  // In time order, as a source sends them: the log's commit order is the order of the batch.
  return list.sort((a, b) => a.at.localeCompare(b.at)).map((e, i) => ({ id: `e${i}`, ...e }));
}

/** What the pay endpoints answer, loosely: a run, a line, a list, or an error body. */
export interface Answer extends Partial<Run> {
  details?: { field: string }[];
  line?: PayLine;
  runs?: Run[];
  [key: string]: unknown;
}

export interface Run {
  id: string;
  status: string;
  totalCents: number;
  supersedes: string | null;
  lines: PayLine[];
  terms?: unknown;
  supersededBy?: string[];
}

export const lineOf = (run: Run, agent: string): PayLine => run.lines.find((l) => l.agentId === agent)!;

/**
 * The site, its users and events, the grid and the week's period, with the evaluations through the API: SIP/1001
 * validated at 80.00, revised by HR to 90.00 and validated again, then revised to 50.00 (a draft, not paid on);
 * SIP/1002 at 75.00, SIP/1003 at 65.00, SIP/2001 at 95.00, validated; SIP/1004 at 99.00, submitted only (no line).
 */
export async function setUpPaySite(app: TestApp): Promise<{
  as: Record<PayWho, Headers>;
  call: Call<Answer>;
  periodId: string;
}> {
  const as = await setUpSite(app, { id: 'pay', name: 'Paie', timezone: ZONE }, USERS, events());
  const evaluate = caller(app, 'pay');
  expect((await evaluate(as.hr, '/grids', 'POST', GRID)).status).toBe(201);
  const period = await openPeriod(evaluate, as.hr, { kind: 'week', start: '2026-11-02', gridId: GRID.id });
  const ids = period.evaluations;
  expect(Object.keys(ids)).toEqual(AGENTS.map((a) => a.agent));
  /** The supervisor scores and submits, the agent acknowledges, the supervisor (or HR) validates. */
  const validate = (agent: string, who: PayWho, values?: { score: number }, validator = as.supervisor) =>
    validateEvaluation(evaluate, ids[agent]!, { manager: as.supervisor, agent: as[who], validator, values });

  await validate('SIP/1001', 'agent1001', { score: 80 });
  await reviseEvaluation(evaluate, as.hr, ids['SIP/1001']!, { score: 90 }, 'Appels mal attribués');
  await validate('SIP/1001', 'agent1001', undefined, as.hr);
  const draft = await reviseEvaluation(evaluate, as.hr, ids['SIP/1001']!, { score: 50 }, 'Réclamation client');
  expect(
    (draft.revisions as { scoreBp: number; locked: unknown }[]).map((r) => [r.scoreBp, r.locked !== null]),
  ).toEqual([
    [8000, true],
    [9000, true],
    [5000, false],
  ]);
  await validate('SIP/1002', 'agent1002', { score: 75 });
  await validate('SIP/1003', 'agent1003', { score: 65 });
  await validate('SIP/2001', 'agent2001', { score: 95 });
  const sip1004 = ids['SIP/1004']!;
  expect((await evaluate(as.supervisor, `/evaluations/${sip1004}`, 'PATCH', { values: { score: 99 } })).status).toBe(
    200,
  );
  expect((await evaluate(as.supervisor, `/evaluations/${sip1004}/submit`, 'POST')).body).toMatchObject({
    status: 'submitted',
  });
  const listed = (await evaluate(as.hr, `/evaluations?period=${period.id}`)).body.evaluations as {
    agent: string;
    status: string;
    scoreBp: number;
  }[];
  expect(listed.map((e) => [e.agent, e.status, e.scoreBp])).toEqual([
    ['SIP/1001', 'draft', 5000],
    ['SIP/1002', 'validated', 7500],
    ['SIP/1003', 'validated', 6500],
    ['SIP/1004', 'submitted', 9900],
    ['SIP/2001', 'validated', 9500],
  ]);
  return { as, call: caller<Answer>(app, 'pay'), periodId: period.id };
}
