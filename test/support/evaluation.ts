import { expect } from 'vitest';
import { login, type TestApp } from './app.js';

/**
 * The evaluation workflow through the API for the evaluation and pay specs (docs/evaluation.md): a caller per site,
 * sites with their users and events, periods and the steps of an evaluation up to `validated`. And the site `ev`
 * (Europe/Paris) of the evaluation specs: users for each role and team, a grid and two days of March 2026 events for
 * three agents (SIP/1 in team X, SIP/2 in team Y, SIP/3 in team Z, which the grid leaves out).
 */
export type Headers = Record<string, string>;

/** An answer: its status, headers and text, and the JSON body (`{}` when it is not JSON). */
export interface Reply<B = Record<string, unknown> & unknown[]> {
  status: number;
  headers: Response['headers'];
  text: string;
  body: B;
}

export type Call<B = Reply['body']> = (
  headers: Headers,
  path: string,
  method?: string,
  body?: unknown,
) => Promise<Reply<B>>;

/** Calls `/api/v1/sites/{site}{path}` with the given headers and JSON body. */
export function caller<B = Reply['body']>(app: TestApp, site = 'ev'): Call<B> {
  return async (headers, path, method = 'GET', body?) => {
    const response = await fetch(`${app.url}/api/v1/sites/${site}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, headers: response.headers, text, body: (json ? JSON.parse(text) : {}) as B };
  };
}

/** A user as `POST /users` takes it. */
export interface UserBody {
  email: string;
  password: string;
  roles: readonly string[];
  agent?: string;
  teams?: readonly string[];
}

/** Creates a user as the admin (201) and returns their headers. */
export async function addUser(app: TestApp, admin: Headers, user: UserBody): Promise<Headers> {
  const created = await fetch(`${app.url}/api/v1/users`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  expect(created.status).toBe(201);
  return login(app.url, user);
}

/** Creates a site, its users and its events (none rejected); returns the admin's and each user's headers. */
export async function setUpSite<W extends string>(
  app: TestApp,
  site: { id: string; name: string; timezone: string },
  users: Record<W, UserBody>,
  events: unknown[],
): Promise<Record<W | 'admin', Headers>> {
  const admin = await login(app.url);
  const post = (path: string, body: unknown) =>
    fetch(`${app.url}/api/v1${path}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/sites', site)).status).toBe(201);
  const headers = { admin } as Record<W | 'admin', Headers>;
  for (const [who, user] of Object.entries<UserBody>(users)) {
    headers[who as W] = await addUser(app, admin, user);
  }
  const ingested = (await (await post(`/sites/${site.id}/events`, events)).json()) as { rejected: unknown[] };
  expect(ingested.rejected).toEqual([]);
  return headers;
}

/** Opens a period (201); returns its id and the id of each agent's evaluation. */
export async function openPeriod(
  call: Call,
  as: Headers,
  body: { kind: 'week' | 'month' | 'quarter'; start: string; gridId: string },
): Promise<{ id: string; evaluations: Record<string, string> }> {
  const opened = await call(as, '/evaluation-periods', 'POST', body);
  expect(opened.status).toBe(201);
  const id = String(opened.body.id);
  const listed = (await call(as, `/evaluations?period=${id}`)).body.evaluations as { id: string; agent: string }[];
  return { id, evaluations: Object.fromEntries(listed.map((e) => [e.agent, e.id])) };
}

/**
 * Takes a draft to `validated`: the manager scores `values` (if any) and submits, the agent acknowledges, the
 * validator validates, each answering 200. Returns the evaluation.
 */
export async function validateEvaluation(
  call: Call,
  id: string,
  by: { manager: Headers; agent: Headers; validator: Headers; values?: Record<string, number | null> | undefined },
): Promise<Reply['body']> {
  const steps: [Headers, string, string, unknown][] = [
    ...(by.values ? [[by.manager, '', 'PATCH', { values: by.values }] as [Headers, string, string, unknown]] : []),
    [by.manager, '/submit', 'POST', undefined],
    [by.agent, '/acknowledge', 'POST', {}],
    [by.validator, '/validate', 'POST', undefined],
  ];
  let answer: Reply | undefined;
  for (const [headers, action, method, body] of steps) {
    answer = await call(headers, `/evaluations/${id}${action}`, method, body);
    expect(answer.status, `${method} ${action || 'evaluation'}`).toBe(200);
  }
  expect(answer!.body).toMatchObject({ status: 'validated' });
  return answer!.body;
}

/** HR's revision of a validated evaluation: a new draft revision with `values` merged in. Returns the evaluation. */
export async function reviseEvaluation(
  call: Call,
  hr: Headers,
  id: string,
  values: Record<string, number | null>,
  reason: string,
): Promise<Reply['body']> {
  const revised = await call(hr, `/evaluations/${id}/revise`, 'POST', { values, reason });
  expect(revised).toMatchObject({ status: 200, body: { status: 'draft' } });
  return revised.body;
}

export const tiers = (...bounds: [number, number | undefined, number][]) =>
  bounds.map(([from, to, points]) => (to === undefined ? { from, points } : { from, to, points }));

const yesNo = { kind: 'manual', scale: 'yesNo', naAllowed: false, tiers: tiers([0, 1, 0], [1, undefined, 1]) };

/** Results 60 (QS ×2, AHT, CSAT N/A allowed), behaviour 40 (instructions 1–5, punctuality, confidentiality: eliminatory). */
export const GRID = {
  id: 'conseil',
  label: 'Grille conseiller',
  validFrom: '2026-01-01',
  teams: ['X', 'Y'],
  sections: [
    {
      id: 'results',
      label: 'Résultats',
      weight: 60,
      criteria: [
        {
          id: 'qs',
          label: 'Qualité de service',
          weight: 2,
          kind: 'kpi',
          kpi: { figure: 'serviceQuality' },
          naAllowed: false,
          target: 0.85,
          tiers: tiers([0, 0.7, 0], [0.7, 0.8, 2], [0.8, 0.9, 3], [0.9, undefined, 4]),
        },
        {
          id: 'aht',
          label: 'DMT',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'ahtSec' },
          naAllowed: false,
          tiers: tiers([0, 240, 4], [240, 300, 3], [300, 360, 1]),
        },
        {
          id: 'csat',
          label: 'CSAT',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'csat' },
          naAllowed: true,
          tiers: tiers([0, 4, 0], [4, undefined, 2]),
        },
      ],
    },
    {
      id: 'behaviour',
      label: 'Comportement',
      weight: 40,
      criteria: [
        {
          id: 'instructions',
          label: 'Respect des consignes',
          weight: 1,
          kind: 'manual',
          scale: { min: 1, max: 5 },
          naAllowed: true,
          tiers: tiers([1, 2, 0], [2, 3, 1], [3, 4, 2], [4, 5, 3], [5, undefined, 4]),
        },
        { id: 'punctuality', label: 'Ponctualité', weight: 1, ...yesNo },
        {
          id: 'confidentiality',
          label: 'Confidentialité',
          weight: 1,
          ...yesNo,
          eliminatory: 'grid',
          eliminatoryBelow: 1,
        },
      ],
    },
  ],
};

/**
 * Builders of events on the queue `standard`, with ids `${prefix}1`, `${prefix}2`, … in the order they are built;
 * times are UTC `hh:mm` on a day.
 */
export function eventBuilder(prefix: string) {
  let n = 0;
  const ev = (type: string, at: string, fields: Record<string, unknown>) => ({
    type,
    id: `${prefix}${++n}`,
    at,
    ...fields,
  });
  const queue = 'standard';
  return {
    login: (agent: string, day: string, hhmm: string, name: string, team: string) =>
      ev('agent.logged_in', `${day}T${hhmm}:00Z`, { agent, name, team }),
    logout: (agent: string, day: string, hhmm: string) => ev('agent.logged_out', `${day}T${hhmm}:00Z`, { agent }),
    /** Queued at hh:mm, answered 5 s later, ended `talkSec` after the answer (the talk time the log measures). */
    call: (
      agent: string,
      id: string,
      day: string,
      hhmm: string,
      talkSec: number,
      wrapupSec: number,
      outcome?: unknown,
    ) => {
      const answered = Date.parse(`${day}T${hhmm}:05Z`);
      return [
        ev('contact.queued', `${day}T${hhmm}:00Z`, { contactId: id, queue }),
        ev('contact.answered', new Date(answered).toISOString(), { contactId: id, queue, agent, waitSec: 5 }),
        ev('contact.ended', new Date(answered + talkSec * 1000).toISOString(), {
          contactId: id,
          queue,
          agent,
          talkSec,
          wrapupSec,
          ...(outcome ? { outcome } : {}),
        }),
      ];
    },
    /** Queued at hh:mm, rung 8 s at the agent without an answer, abandoned after a minute. */
    missed: (agent: string, id: string, day: string, hhmm: string) => [
      ev('contact.queued', `${day}T${hhmm}:00Z`, { contactId: id, queue }),
      ev('contact.ring_no_answer', `${day}T${hhmm}:08Z`, { contactId: id, queue, agent, ringSec: 8 }),
      ev('contact.abandoned', new Date(Date.parse(`${day}T${hhmm}:00Z`) + 60_000).toISOString(), {
        contactId: id,
        queue,
        waitSec: 60,
      }),
    ],
  };
}

/** Paris is UTC+1 in early March 2026. */
function events(): unknown[] {
  const { login, logout, call, missed } = eventBuilder('e');
  const d1 = '2026-03-10';
  const d2 = '2026-03-11';
  return [
    login('SIP/1', d1, '08:00', 'Alice', 'X'),
    login('SIP/2', d1, '08:00', 'Bruno', 'Y'),
    login('SIP/3', d1, '08:00', 'Chloé', 'Z'),
    ...call('SIP/1', 'c1', d1, '08:10', 180, 30, { csat: 5 }),
    ...missed('SIP/1', 'c2', d1, '08:20'),
    ...call('SIP/2', 'c5', d1, '08:30', 300, 60),
    ...call('SIP/2', 'c6', d1, '08:40', 200, 40),
    logout('SIP/3', d1, '09:00'),
    logout('SIP/1', d1, '10:00'),
    logout('SIP/2', d1, '11:00'),
    login('SIP/1', d2, '08:00', 'Alice', 'X'),
    ...call('SIP/1', 'c3', d2, '09:00', 240, 0, { csat: 4 }),
    ...call('SIP/1', 'c4', d2, '09:10', 150, 30),
    logout('SIP/1', d2, '12:00'),
  ];
}

export const USERS = {
  hr: { email: 'hr@test.local', password: 'hr-password-1', roles: ['hr'] },
  supX: { email: 'sup-x@test.local', password: 'sup-password-1', roles: ['supervisor'], teams: ['X'] },
  supY: { email: 'sup-y@test.local', password: 'sup-password-1', roles: ['supervisor'], teams: ['Y'] },
  agentA: { email: 'alice@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/1', teams: ['X'] },
  agentB: { email: 'bruno@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/2', teams: ['Y'] },
  agentZ: { email: 'chloe@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/3', teams: ['Z'] },
} as const;

export type Who = keyof typeof USERS | 'admin';

/** Creates the site `ev`, the users and the events; returns each user's headers. */
export function setUpEvaluationSite(app: TestApp): Promise<Record<Who, Headers>> {
  return setUpSite(app, { id: 'ev', name: 'Évaluations', timezone: 'Europe/Paris' }, USERS, events());
}
