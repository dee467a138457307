import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Two instances on one database (docs/operations.md, several instances): whichever ingests and whichever answers a
 * report, every event counts once in the rollups.
 */
describe('rollups with two instances', () => {
  let t: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let auth: Record<string, string>;
  const call = async (app: TestApp, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const day = '2026-03-10';
  const calls = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const at = (s: number) => new Date(Date.UTC(2026, 2, 10, 9, n, s)).toISOString();
      return [
        { type: 'contact.queued', id: `q${n}`, at: at(0), contactId: `c${n}`, queue: 'accueil' },
        {
          type: 'contact.answered',
          id: `a${n}`,
          at: at(10),
          contactId: `c${n}`,
          queue: 'accueil',
          agent: 'SIP/1',
          waitSec: 10,
        },
      ];
    }).flat();
  const answered = async (app: TestApp) => {
    const report = await call(app, `/sites/two/reports/queues?from=${day}&to=${day}&interval=day`);
    expect(report.status).toBe(200);
    return (report.body.rows as { answered: number }[]).reduce((sum, r) => sum + r.answered, 0);
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    a = await startApp(t.url);
    b = await startApp(t.url);
    auth = await login(a.url);
    expect((await call(a, '/sites', 'POST', { id: 'two', name: 'Deux', timezone: 'Europe/Paris' })).status).toBe(201);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await t?.drop();
  });

  it('counts each call once whichever instance ingests and whichever reports', async () => {
    expect((await call(a, '/sites/two/events', 'POST', calls(0, 3))).body).toMatchObject({ events: 6 });
    expect(await answered(b)).toBe(3);
    expect((await call(a, '/sites/two/events', 'POST', calls(3, 2))).body).toMatchObject({ events: 4 });
    expect(await answered(a)).toBe(5);
    expect(await answered(b)).toBe(5);
    expect((await call(b, '/sites/two/events', 'POST', calls(5, 1))).body).toMatchObject({ events: 2 });
    expect(await answered(a)).toBe(6);
    expect(await answered(b)).toBe(6);
  });
});
