import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import type { Call, Headers } from '../support/evaluation.js';
import { RULES, setUpPaySite, TERMS, type Answer, type PayWho, type Run } from '../support/pay.js';

/** docs/evaluation.md, "Who may do what": pay is HR's; an agent reads their own line of a locked run only. */
describe('pay access', () => {
  let t: TestDatabase;
  let app: TestApp;
  let as: Record<PayWho, Headers>;
  let call: Call<Answer>;
  let periodId: string;
  let locked: Run;
  let draft: Run;
  const lineOf = (run: Run, agent: string) => `/pay-runs/${run.id}/lines/${encodeURIComponent(agent)}`;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    ({ as, call, periodId } = await setUpPaySite(app));
    expect((await call(as.hr, '/pay-rules', 'PUT', RULES)).status).toBe(200);
    const created = await call(as.hr, '/pay-runs', 'POST', { periodId, terms: TERMS });
    expect(created.status).toBe(201);
    const lockedRun = await call(as.hr, `/pay-runs/${created.body.id}/lock`, 'POST');
    expect(lockedRun.body).toMatchObject({ status: 'locked' });
    locked = lockedRun.body as Run;
    const correction = await call(as.hr, '/pay-runs', 'POST', { periodId, supersedes: locked.id, terms: TERMS });
    expect(correction.body).toMatchObject({ status: 'draft' });
    draft = correction.body as Run;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lets an agent read their own line of a locked run only', async () => {
    const agent = as.agent1002;
    const own = await call(agent, lineOf(locked, 'SIP/1002'));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      runId: locked.id,
      status: 'locked',
      line: { agentId: 'SIP/1002', totalCents: 8501 },
    });
    expect(own.body.line?.explanations[0]?.rule).toBe('individual');
    expect((await call(agent, lineOf(locked, 'SIP/1001'))).status).toBe(403);
    expect((await call(agent, lineOf(draft, 'SIP/1002'))).status).toBe(403);
    expect((await call(agent, `/pay-runs/${locked.id}`)).status).toBe(403);
    expect((await call(agent, '/pay-runs')).status).toBe(403);
    expect((await call(as.hr, lineOf(locked, 'SIP/1001'))).status).toBe(200);
    expect((await call(as.hr, lineOf(draft, 'SIP/1001'))).status).toBe(200);
  });

  it("lists an agent's own lines of the locked runs only (the agent page reads them)", async () => {
    const mine = await call(as.agent1002, '/my-pay-lines');
    expect(mine.status).toBe(200);
    const { lines } = mine.body as unknown as { lines: { runId: string; line: { agentId: string } }[] };
    expect(lines.map((l) => [l.runId, l.line.agentId])).toEqual([[locked.id, 'SIP/1002']]);
    expect((await call(as.hr, '/my-pay-lines')).status).toBe(403);
  });

  it('shows supervisors no pay', async () => {
    const supervisor = as.supervisor;
    expect((await call(supervisor, '/pay-runs')).status).toBe(403);
    expect((await call(supervisor, '/pay-rules')).status).toBe(403);
    expect((await call(supervisor, '/pay-runs', 'POST', { periodId })).status).toBe(403);
    expect((await call(supervisor, `/pay-runs/${locked.id}/export.csv`)).status).toBe(403);
    expect((await call(supervisor, lineOf(locked, 'SIP/1001'))).status).toBe(403);
    expect((await call(supervisor, '/my-pay-lines')).status).toBe(403);
  });
});
