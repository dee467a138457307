import type { FloorSnapshot } from '@vigie/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('the demo floor', () => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_DEMO: '1' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('feeds site "demo", marked as demo, with queues and agents at work', async () => {
    const auth = await login(app.url);
    const sites = (await (await fetch(`${app.url}/api/v1/sites`, { headers: auth })).json()) as {
      id: string;
      demo: boolean;
      eventsTotal: number;
    }[];
    expect(sites.find((s) => s.id === 'demo')).toMatchObject({ demo: true });
    const live = (await (await fetch(`${app.url}/api/v1/sites/demo/live`, { headers: auth })).json()) as FloorSnapshot;
    expect(live.queues.map((q) => q.queue)).toEqual(expect.arrayContaining(['standard', 'vip', 'sav', 'ventes']));
    expect(live.totals.offered).toBeGreaterThan(50);
    // Agents seen today (at work or done for the day): the floor's size, whatever the hour.
    expect(live.agents.length).toBeGreaterThan(10);
    expect(sites.find((s) => s.id === 'demo')!.eventsTotal).toBeGreaterThan(100);
  });

  it('does not start a second floor when the server restarts', async () => {
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from events where site = 'demo'`))
      .rows[0]!.n;
    await app.close();
    app = await startApp(t.url, { VIGIE_DEMO: '1' });
    const agents = (
      await t.db.query<{ n: number }>(
        `select count(distinct body->>'agent')::int as n from events where site = 'demo' and type = 'agent.logged_in'`,
      )
    ).rows[0]!.n;
    const after = (await t.db.query<{ n: number }>(`select count(*)::int as n from events where site = 'demo'`))
      .rows[0]!.n;
    expect(after).toBeGreaterThanOrEqual(before);
    expect(agents).toBeLessThanOrEqual(24);
  });
});
