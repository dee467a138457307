import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** An overnight floor whose business day starts at 06:00 in Paris (UTC+1 in March). */
describe('a site with a 06:00 cut-over', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json' } });
  const json = async (path: string) => (await (await call(path)).json()) as { rows: Record<string, unknown>[] };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    const site = { id: 'nuit', name: 'Plateau de nuit', timezone: 'Europe/Paris', cutover: '06:00' };
    expect((await call('/api/v1/sites', { method: 'POST', body: JSON.stringify(site) })).status).toBe(201);
    let n = 0;
    const ev = (type: string, at: string, fields: Record<string, unknown>) => ({ type, id: `n${++n}`, at, ...fields });
    const q = { queue: 'nuit' };
    const stored = await call('/api/v1/sites/nuit/events', {
      method: 'POST',
      body: JSON.stringify([
        ev('agent.logged_in', '2026-03-10T21:00:00Z', { agent: 'N' }), // 22:00 on the 10th
        ev('contact.queued', '2026-03-10T22:00:00Z', { contactId: 'n1', ...q }), // 23:00
        ev('contact.answered', '2026-03-10T22:00:10Z', { contactId: 'n1', ...q, agent: 'N', waitSec: 10 }),
        ev('contact.ended', '2026-03-10T22:05:10Z', { contactId: 'n1', ...q, agent: 'N', talkSec: 300 }),
        ev('contact.queued', '2026-03-11T02:00:00Z', { contactId: 'n2', ...q }), // 03:00 on the 11th: still the 10th
        ev('contact.abandoned', '2026-03-11T02:01:00Z', { contactId: 'n2', ...q, waitSec: 60 }),
        ev('agent.logged_out', '2026-03-11T04:30:00Z', { agent: 'N' }), // 05:30
        ev('contact.queued', '2026-03-11T06:00:00Z', { contactId: 'm1', ...q }), // 07:00: the 11th
        ev('contact.answered', '2026-03-11T06:00:05Z', { contactId: 'm1', ...q, agent: 'M', waitSec: 5 }),
      ]),
    });
    expect(stored.status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('reports the night in the day it started, from 06:00 to 06:00', async () => {
    expect(await (await call('/api/v1/sites/nuit')).json()).toMatchObject({ cutover: '06:00' });
    const night = await json('/api/v1/sites/nuit/reports/queues?from=2026-03-10&to=2026-03-10&interval=day');
    expect(night.rows).toMatchObject([
      { queue: 'nuit', start: '2026-03-10T06:00:00.000+01:00', offered: 2, answered: 1, abandoned: 1, received: 2 },
    ]);
    const next = await json('/api/v1/sites/nuit/reports/queues?from=2026-03-11&to=2026-03-11&interval=day');
    expect(next.rows).toMatchObject([{ start: '2026-03-11T06:00:00.000+01:00', offered: 1, answered: 1 }]);
  });

  it('counts the agent’s whole night shift in one day, never logged off at midnight', async () => {
    const agents = await json('/api/v1/sites/nuit/reports/agents?from=2026-03-10&to=2026-03-10');
    // 22:00 → 05:30 = 27,000 s logged in: talking 300, ready the rest.
    expect(agents.rows).toMatchObject([
      { day: '2026-03-10', agent: 'N', loggedInSec: 27000, talkSec: 300, readySec: 26700, handled: 1 },
    ]);
  });

  it('refuses a cut-over off the quarter hour, naming the field', async () => {
    const bad = await call('/api/v1/sites', {
      method: 'POST',
      body: JSON.stringify({ id: 'bad', name: 'Bad', timezone: 'Europe/Paris', cutover: '06:10' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { field: string }[] }).details[0]?.field).toBe('cutover');
  });
});
