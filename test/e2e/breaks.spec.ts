import { DEFAULT_BREAK_POLICY } from '@vigie/domain';
import { LIVE_NAMESPACE, LiveEvents } from '@vigie/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_REQUESTS_EVENT } from '../../apps/api/src/breaks/breaks.schema.js';
import type { AdvisedRequest } from '../../apps/api/src/breaks/breaks.service.js';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { breakFloor } from '../support/floors.js';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const AGENT = { email: 'agent2001@test.local', password: 'agent-password-1' };

describe('break advisor: request, advice, decision, tracking', () => {
  let t: TestDatabase;
  let app: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let socket: Socket | undefined;
  const call = async (headers: Record<string, string>, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
  };
  const ingest = async (events: unknown[]) =>
    expect((await call(admin, '/sites/br/events', 'POST', events)).body).toMatchObject({ rejected: [] });

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    admin = await login(app.url);
    await call(admin, '/sites', 'POST', { id: 'br', name: 'Breaks', timezone: zoneAwayFromMidnight(Date.now(), 4) });
    expect((await call(admin, '/users', 'POST', { ...AGENT, roles: ['agent'], agent: 'SIP/2001' })).status).toBe(201);
    agent = await login(app.url, AGENT);

    // Four agents on one queue; SIP/2003 has worked 2 h 40 without a break; four calls in the last ten minutes.
    await ingest(breakFloor(Date.now()));
  });
  afterAll(async () => {
    socket?.close();
    await app?.close();
    await t?.drop();
  });

  it('serves the default policy, replaces it (audited) and refuses a bad one', async () => {
    expect((await call(agent, '/sites/br/break-policy')).body).toEqual(DEFAULT_BREAK_POLICY);
    const policy = { ...DEFAULT_BREAK_POLICY, maxSimultaneousBreaks: { perTeam: { A: 2 }, perQueue: {} } };
    expect(await call(admin, '/sites/br/break-policy', 'PUT', policy)).toEqual({ status: 200, body: policy });
    expect((await call(admin, '/sites/br/break-policy')).body).toEqual(policy);
    const bad = await call(admin, '/sites/br/break-policy', 'PUT', { ...policy, entitlementSec: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'entitlementSec' })]);
    const { rows } = await t.db.query(`select 1 from audit_log where action = 'break-policy.put' and site = 'br'`);
    expect(rows).toHaveLength(1);
  });

  it('lists requests ranked with their advice, decides, and tracks the break', async () => {
    socket = io(`${app.url}${LIVE_NAMESPACE}`, {
      auth: { token: admin.authorization!.slice('Bearer '.length) },
      transports: ['websocket'],
      reconnection: false,
    });
    const pushed: { requests: AdvisedRequest[] }[] = [];
    socket.on(BREAK_REQUESTS_EVENT, (m: { requests: AdvisedRequest[] }) => pushed.push(m));
    await new Promise<void>((resolve) => socket!.on('connect', () => resolve()));
    socket.emit(LiveEvents.subscribe, { site: 'br' });

    const mine = await call(agent, '/sites/br/break-requests', 'POST', { agent: 'SIP/2001' });
    expect(mine).toMatchObject({ status: 201, body: { agent: 'SIP/2001', status: 'pending', reason: 'Pause' } });
    expect(mine.body.durationSec).toBe(900);
    expect((await call(agent, '/sites/br/break-requests', 'POST', { agent: 'SIP/2001' })).status).toBe(409);
    expect((await call(agent, '/sites/br/break-requests', 'POST', { agent: 'SIP/2002' })).status).toBe(403);
    const other = await call(admin, '/sites/br/break-requests', 'POST', { agent: 'SIP/2003', durationMin: 10 });
    expect(other.status).toBe(201);

    const list = await call(admin, '/sites/br/break-requests');
    expect(list.status).toBe(200);
    const ranked = list.body as unknown as AdvisedRequest[];
    expect(ranked.map((r) => [r.agent, r.rank, r.advice?.kind])).toEqual([
      ['SIP/2003', 1, 'overdue'],
      ['SIP/2001', 2, 'grant'],
    ]);
    const figures = ranked[1]!.advice!.queues[0]!;
    expect(figures).toMatchObject({ queue: 'standard', agents: 4, available: 4, targetSec: 20, goal: 0.8 });
    expect(figures.callsPerHour).toBeGreaterThan(0);
    expect(figures.ahtSec).toBe(130);
    expect(figures.serviceLevelNow).toBeGreaterThan(figures.serviceLevelWithout!);
    expect(figures.serviceLevelWithout).toBeGreaterThanOrEqual(0.8);
    expect(ranked[1]!.loads[0]!.basis).toMatchObject({ arrivals: 4, handled: 4, windowSec: 900 });
    expect(ranked[1]!.advice!.entitlement.earnedSec).toBe(0);
    await until('a push with both requests', () =>
      Promise.resolve(pushed.find((m) => m.requests.length === 2 && m.requests[0]!.advice !== null)),
    );

    const otherId = String(other.body.id);
    const noReason = await call(admin, `/sites/br/break-requests/${otherId}/decision`, 'POST', {
      decision: 'deny',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const denied = await call(admin, `/sites/br/break-requests/${otherId}/decision`, 'POST', {
      decision: 'deny',
      reason: 'formation à 10 h',
    });
    expect(denied.body).toMatchObject({ status: 'denied', decisionReason: 'formation à 10 h' });

    const id = String(mine.body.id);
    const approved = await call(admin, `/sites/br/break-requests/${id}/decision`, 'POST', { decision: 'approve' });
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: 'admin@test.local' } });
    expect(approved.body.advice).toMatchObject({ rank: 1, advice: { kind: 'grant' } });
    expect((await call(admin, `/sites/br/break-requests/${id}/decision`, 'POST', { decision: 'approve' })).status).toBe(
      409,
    );
    const { rows } = await t.db.query<{ action: string; actor: string }>(
      `select action, actor from audit_log where target = $1 order by id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'break-request.create', actor: AGENT.email },
      { action: 'break-request.approve', actor: 'admin@test.local' },
    ]);

    const decided = await call(agent, '/sites/br/break-requests/mine');
    expect(decided.body).toEqual([expect.objectContaining({ id, status: 'approved', decidedBy: 'admin@test.local' })]);

    const status = async () =>
      ((await call(agent, '/sites/br/break-requests/mine')).body[0] as { status: string }).status;
    await ingest([
      { type: 'agent.paused', id: 'p1', at: new Date().toISOString(), agent: 'SIP/2001', reason: 'Pause' },
    ]);
    await until('on_break', async () => ((await status()) === 'on_break' ? true : undefined));
    // The wall shows the pause with the policy's maximum and paid flag (default: Pause, 15 min, paid).
    const live = (await call(admin, '/sites/br/live')).body as unknown as { pauses: Record<string, unknown>[] };
    expect(live.pauses).toContainEqual(
      expect.objectContaining({ reason: 'Pause', agentsNow: 1, countToday: 1, maxSec: 900, paid: true, overMax: 0 }),
    );
    await ingest([{ type: 'agent.ready', id: 'r1', at: new Date().toISOString(), agent: 'SIP/2001' }]);
    await until('done', async () => ((await status()) === 'done' ? true : undefined));
    const done = (await call(admin, '/sites/br/break-requests?status=done')).body[0] as Record<string, unknown>;
    expect(done).toMatchObject({ id, status: 'done' });
    expect(Date.parse(String(done.breakEndedAt))).toBeGreaterThanOrEqual(Date.parse(String(done.breakStartedAt)));

    const again = await call(agent, '/sites/br/break-requests', 'POST', { agent: 'SIP/2001', reason: 'Repas' });
    expect(again.body).toMatchObject({ status: 'pending', reason: 'Repas', durationSec: 3600 });
    const cancel = `/sites/br/break-requests/${String(again.body.id)}/cancel`;
    expect((await call(agent, cancel, 'POST')).body).toMatchObject({ status: 'cancelled' });
    expect((await call(agent, cancel, 'POST')).status).toBe(409);
    const training = await call(agent, '/sites/br/break-requests', 'POST', { agent: 'SIP/2001', reason: 'Formation' });
    expect(training.status).toBe(400);
    expect(training.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
  });
});
