import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  caller,
  GRID,
  openPeriod,
  setUpEvaluationSite,
  type Call,
  type Headers,
  type Who,
} from '../support/evaluation.js';

/**
 * docs/evaluation.md, "Who may do what": one period with SIP/1 (team X) and SIP/2 (team Y); each row is who calls,
 * what, and the status expected.
 */
describe('evaluation permission matrix', () => {
  let t: TestDatabase;
  let app: TestApp;
  let as: Record<Who, Headers>;
  let call: Call;
  const ids = { a: '', b: '', period: '' };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    call = caller(app);
    as = await setUpEvaluationSite(app);
    expect((await call(as.hr, '/grids', 'POST', GRID)).status).toBe(201);
    const period = await openPeriod(call, as.hr, { kind: 'month', start: '2026-03-01', gridId: 'conseil' });
    ids.period = period.id;
    ids.a = period.evaluations['SIP/1']!;
    ids.b = period.evaluations['SIP/2']!;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const agentsSeen = async (who: Who, query = '') =>
    ((await call(as[who], `/evaluations${query}`)).body.evaluations as { agent: string }[]).map((e) => e.agent);

  it('shows HR and admins every evaluation, a supervisor their teams, an agent their own', async () => {
    expect(await agentsSeen('hr')).toEqual(['SIP/1', 'SIP/2']);
    expect(await agentsSeen('admin')).toEqual(['SIP/1', 'SIP/2']);
    expect(await agentsSeen('supX')).toEqual(['SIP/1']);
    expect(await agentsSeen('supY')).toEqual(['SIP/2']);
    expect(await agentsSeen('agentA')).toEqual(['SIP/1']);
    expect(await agentsSeen('agentZ')).toEqual([]);
  });

  it.each([
    ['supX', 'GET', 'b', '', 403],
    ['supX', 'GET', 'a', '', 200],
    ['supY', 'GET', 'b', '', 200],
    ['agentA', 'GET', 'a', '', 200],
    ['agentA', 'GET', 'b', '', 403],
    ['agentZ', 'GET', 'a', '', 403],
    ['hr', 'GET', 'b', '', 200],
    ['supX', 'PATCH', 'b', '', 403],
    ['supX', 'POST', 'b', '/submit', 403],
    ['supX', 'POST', 'b', '/validate', 403],
    ['agentA', 'PATCH', 'a', '', 403],
    ['agentA', 'POST', 'a', '/submit', 403],
    ['agentA', 'POST', 'a', '/revise', 403],
    ['supX', 'POST', 'a', '/arbitrate', 403],
    ['supX', 'POST', 'a', '/revise', 403],
    ['agentA', 'POST', 'b', '/acknowledge', 403],
    ['agentA', 'POST', 'b', '/dispute', 403],
    ['hr', 'POST', 'a', '/acknowledge', 403],
    ['supX', 'POST', 'a', '/dispute', 403],
  ] as const)('%s %s evaluation %s%s → %i', async (who, method, which, action, status) => {
    const body =
      method === 'PATCH'
        ? { values: { instructions: 3 } }
        : action === '/revise'
          ? { values: {}, reason: 'x' }
          : action === '/arbitrate'
            ? { decision: 'rejected', comment: 'x' }
            : { comment: 'x' };
    const response = await call(
      as[who],
      `/evaluations/${ids[which]}${action}`,
      method,
      method === 'GET' ? undefined : body,
    );
    expect(response.status).toBe(status);
  });

  it('refuses filters and history outside the caller’s scope', async () => {
    expect((await call(as.supX, '/evaluations?team=Y')).status).toBe(403);
    expect((await call(as.agentA, '/evaluations?agent=SIP/2')).status).toBe(403);
    expect((await call(as.agentA, '/evaluations?agent=SIP/1')).status).toBe(200);
    expect((await call(as.agentA, '/evaluation-history?agent=SIP/2')).status).toBe(403);
    expect((await call(as.agentA, '/evaluation-history?team=X')).status).toBe(403);
    expect((await call(as.supX, '/evaluation-history?team=Y')).status).toBe(403);
    expect((await call(as.supX, '/evaluation-history?team=X')).status).toBe(200);
    expect((await call(as.hr, '/evaluation-history?team=Y')).status).toBe(200);
  });

  it('lets only HR and admins write grids and open periods', async () => {
    const body = { ...GRID, id: 'autre', teams: ['Y'] };
    expect((await call(as.agentA, '/grids', 'POST', body)).status).toBe(403);
    expect((await call(as.supX, '/grids', 'POST', body)).status).toBe(403);
    expect((await call(as.agentA, '/grids/conseil/versions', 'POST', body)).status).toBe(403);
    const open = { kind: 'week', start: '2026-03-09', gridId: 'conseil' };
    expect((await call(as.supX, '/evaluation-periods', 'POST', open)).status).toBe(403);
    expect((await call(as.agentA, '/evaluation-periods', 'POST', open)).status).toBe(403);
    expect((await call(as.agentA, `/evaluation-periods/${ids.period}/refresh`, 'POST')).status).toBe(403);
    expect((await call(as.admin, '/grids', 'POST', body)).status).toBe(201);
  });

  it('shows an agent the grids that apply to their team only', async () => {
    const grids = async (who: Who) => ((await call(as[who], '/grids')).body.grids as { id: string }[]).map((g) => g.id);
    expect(await grids('agentA')).toEqual(['conseil']);
    expect(await grids('agentZ')).toEqual([]);
    expect(await grids('agentB')).toEqual(['autre', 'conseil']);
    expect(await grids('supY')).toEqual(['autre', 'conseil']);
    expect((await call(as.agentA, '/grids/conseil')).status).toBe(200);
    expect((await call(as.agentZ, '/grids/conseil')).status).toBe(403);
    expect((await call(as.agentZ, '/grids/nope')).status).toBe(404);
  });
});
