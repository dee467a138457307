import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

interface Caller {
  key: string;
  status: string;
  callsToday: number;
  abandoned: unknown[];
  marks: { outcome: string; by: string }[];
}

describe('abandoned callers to call back', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  let day: string;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${app.url}/api/v1/sites/cb${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json' } });
  const list = async () =>
    (await (await call('/callbacks')).json()) as { day: string; toCallBack: number; callers: Caller[] };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    await fetch(`${app.url}/api/v1/sites`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'cb', name: 'Rappels', timezone: zoneAwayFromMidnight() }),
    });
    const at = (agoSec: number) => new Date(Date.now() - agoSec * 1000).toISOString();
    let n = 0;
    const ev = (type: string, agoSec: number, fields: Record<string, unknown>) => ({
      type,
      id: `c${++n}`,
      at: at(agoSec),
      ...fields,
    });
    const q = { queue: 'standard' };
    await call('/events', {
      method: 'POST',
      body: JSON.stringify([
        ev('contact.queued', 600, { contactId: 'a1', ...q, callerId: '0611223344' }),
        ev('contact.abandoned', 540, { contactId: 'a1', ...q, waitSec: 60 }),
        ev('contact.queued', 300, { contactId: 'a2', ...q, callerId: '0611223344' }),
        ev('contact.abandoned', 280, { contactId: 'a2', ...q, waitSec: 20 }),
        ev('contact.queued', 200, { contactId: 'b1', ...q, callerId: '0755667788' }),
        ev('contact.abandoned', 150, { contactId: 'b1', ...q, waitSec: 50 }),
      ]),
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists repeat callers once, marks attempts and call-backs, and counts who is left', async () => {
    const before = await list();
    day = before.day;
    expect(before.toCallBack).toBe(2);
    expect(before.callers.map((c) => [c.key, c.abandoned.length, c.callsToday, c.status])).toEqual([
      ['0611223344', 2, 2, 'open'],
      ['0755667788', 1, 1, 'open'],
    ]);
    const attempt = await call('/callbacks/0611223344/marks', {
      method: 'POST',
      body: JSON.stringify({ day, outcome: 'no_answer' }),
    });
    expect(attempt.status).toBe(201);
    expect((await list()).toCallBack).toBe(2);
    await call('/callbacks/0611223344/marks', {
      method: 'POST',
      body: JSON.stringify({ day, outcome: 'reached', note: 'rappelé' }),
    });
    const after = await list();
    expect(after.toCallBack).toBe(1);
    expect(after.callers[0]).toMatchObject({
      status: 'done',
      marks: [{ outcome: 'no_answer' }, { outcome: 'reached', by: 'admin@test.local' }],
    });
  });

  it('exports the list as CSV a spreadsheet reads', async () => {
    const response = await call(`/callbacks.csv?day=${day}`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows: Record<string, string>[] = parse(await response.text(), { bom: true, columns: true });
    expect(rows.map((r) => [r.caller, r.abandons, r.status, r.last_outcome])).toEqual([
      ['0611223344', '2', 'done', 'reached'],
      ['0755667788', '1', 'open', ''],
    ]);
  });

  it('refuses an unknown outcome naming the field, and an unknown caller with 404', async () => {
    const bad = await call('/callbacks/0755667788/marks', {
      method: 'POST',
      body: JSON.stringify({ day, outcome: 'maybe' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { field: string }[] }).details[0]?.field).toBe('outcome');
    const unknown = await call('/callbacks/0000/marks', {
      method: 'POST',
      body: JSON.stringify({ day, outcome: 'reached' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('shows a TV the list with caller numbers masked', async () => {
    const created = await call('/display-tokens', { method: 'POST', body: JSON.stringify({ name: 'TV' }) });
    const { token } = (await created.json()) as { token: string };
    const tv = await fetch(`${app.url}/api/v1/sites/cb/callbacks`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await tv.json()) as { toCallBack: number; callers: { key: string; callerId: string }[] };
    expect(body.toCallBack).toBe(1);
    expect(body.callers.map((c) => [c.key, c.callerId])).toEqual([
      ['#1', '••••3344'],
      ['#2', '••••7788'],
    ]);
    expect(JSON.stringify(body)).not.toContain('0611223344');
  });
});
