import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('graceful shutdown', () => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
  });
  afterAll(() => t?.drop());

  it('loses no acknowledged event when the server stops during uploads', async () => {
    const auth = await login(app.url);
    await fetch(`${app.url}/api/v1/sites`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'stop', name: 'Stop', timezone: 'Europe/Paris' }),
    });
    const upload = (u: number) =>
      Array.from({ length: 10_000 }, (_, i) =>
        JSON.stringify({
          type: 'contact.queued',
          id: `u${u}-${i}`,
          at: '2026-03-10T09:00:00Z',
          contactId: `c${u}-${i}`,
          queue: 'q',
        }),
      ).join('\n');
    const uploads = Array.from({ length: 6 }, (_, u) =>
      fetch(`${app.url}/api/v1/sites/stop/events`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-ndjson' },
        body: upload(u),
      }).then(
        async (r) => (r.status === 200 ? ((await r.json()) as { events: number }).events : 0),
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 150));
    const closing = app.close();
    const acknowledged = (await Promise.all(uploads)).reduce((a, b) => a + b, 0);
    await closing;
    const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from events where site = 'stop'`);
    expect(acknowledged).toBeGreaterThan(0);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(acknowledged);
  });
});
