import { emptyCounters, toPeriodFigures, type PeriodFigures } from '@vigie/domain';
import {
  LIVE_NAMESPACE,
  LiveEvents,
  type FloorSnapshot,
  type LivePatchMessage,
  type LiveSnapshotMessage,
} from '@vigie/protocol';
import fastJsonPatch from 'fast-json-patch';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** Every period figure of CONTRACT.md, as the domain defines them. */
const PERIOD_FIELDS = Object.keys(toPeriodFigures(emptyCounters())) as (keyof PeriodFigures)[];

/** A few contacts over the last minutes, so they belong to today. */
function recentEvents(now: number) {
  const at = (agoSec: number) => new Date(now - agoSec * 1000).toISOString();
  let n = 0;
  const ev = (type: string, agoSec: number, fields: Record<string, unknown>) => ({
    type,
    id: `r${++n}`,
    at: at(agoSec),
    ...fields,
  });
  return [
    ev('agent.logged_in', 600, { agent: 'SIP/1', name: 'Julie M.', team: 'Équipe A' }),
    ev('contact.queued', 300, { contactId: 'a', queue: 'standard' }),
    ev('contact.answered', 290, { contactId: 'a', queue: 'standard', agent: 'SIP/1', waitSec: 10 }),
    ev('contact.ended', 200, { contactId: 'a', queue: 'standard', agent: 'SIP/1', talkSec: 90 }),
    ev('contact.queued', 190, { contactId: 'b', queue: 'standard' }),
    ev('contact.abandoned', 150, { contactId: 'b', queue: 'standard', waitSec: 40 }),
    ev('contact.queued', 120, { contactId: 'c', queue: 'vip' }),
    ev('contact.answered', 95, { contactId: 'c', queue: 'vip', agent: 'SIP/1', waitSec: 25 }),
  ];
}

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

const next = <T>(socket: Socket, event: string, timeoutMs = 3000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (message: T) => {
      clearTimeout(timer);
      resolve(message);
    });
  });

describe('live figures', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      ...init,
      headers: { ...auth, 'content-type': 'application/json', ...init.headers },
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    await api('/api/v1/sites', {
      method: 'POST',
      body: JSON.stringify({ id: 'live', name: 'Live', timezone: zoneAwayFromMidnight() }),
    });
    await api('/api/v1/sites', {
      method: 'POST',
      body: JSON.stringify({ id: 'other', name: 'Other', timezone: 'Europe/Paris' }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('sends a snapshot on subscribe, then a patch within a second of an ingested event', async () => {
    const socket = await connect(app.url, auth.authorization!.slice(7));
    try {
      const first = next<LiveSnapshotMessage>(socket, LiveEvents.snapshot);
      socket.emit(LiveEvents.subscribe, { site: 'live' });
      const snapshot = await first;
      let state = snapshot.snapshot as FloorSnapshot;
      let seq = snapshot.seq;
      const sent = Date.now();
      const body = JSON.stringify([
        { type: 'contact.queued', id: 'w1', at: new Date(sent).toISOString(), contactId: 'w', queue: 'attente' },
      ]);
      expect((await api('/api/v1/sites/live/events', { method: 'POST', body })).status).toBe(200);
      let elapsed = 0;
      while (!state.queues.some((q) => q.queue === 'attente' && q.waiting === 1)) {
        const patch = await next<LivePatchMessage>(socket, LiveEvents.patch, 1500);
        expect(patch.base).toBe(seq);
        state = fastJsonPatch.applyPatch(state, patch.ops as fastJsonPatch.Operation[], false, false).newDocument;
        seq = patch.seq;
        elapsed = Date.now() - sent;
      }
      expect(elapsed).toBeLessThan(1000);
    } finally {
      socket.disconnect();
    }
  });

  it('shows the same figures live and in the report for today, and after a restart', async () => {
    const now = Date.now();
    await api('/api/v1/sites/live/events', { method: 'POST', body: JSON.stringify(recentEvents(now)) });
    const live = (await api('/api/v1/sites/live/live')).body as FloorSnapshot;
    const today = live.day;
    const report = (await api(`/api/v1/sites/live/reports/queues?from=${today}&to=${today}&interval=day`)).body as {
      rows: Record<string, unknown>[];
    };
    for (const queue of ['standard', 'vip']) {
      const l = live.queues.find((q) => q.queue === queue)!;
      const r = report.rows.find((row) => row.queue === queue)!;
      for (const field of PERIOD_FIELDS) {
        expect([queue, field, r[field]]).toEqual([queue, field, l[field]]);
      }
    }
    expect(live.queues.find((q) => q.queue === 'standard')).toMatchObject({
      offered: 2,
      answered: 1,
      abandoned: 1,
      avgTalkSec: 90,
    });
    expect(live.agents.find((a) => a.agent === 'SIP/1')).toMatchObject({ state: 'talking', answered: 2, handled: 1 });

    await app.close();
    app = await startApp(t.url);
    auth = await login(app.url);
    const after = (await api('/api/v1/sites/live/live')).body as FloorSnapshot;
    expect(after.queues.map(({ longestWaitSec: _a, ...q }) => q)).toEqual(
      live.queues.map(({ longestWaitSec: _a, ...q }) => q),
    );
  });

  it('gives a display token the live figures of its own site only, read-only', async () => {
    const created = (
      await api('/api/v1/sites/live/display-tokens', { method: 'POST', body: JSON.stringify({ name: 'TV 1' }) })
    ).body as { token: string };
    const display = { authorization: `Bearer ${created.token}` };
    const own = await fetch(`${app.url}/api/v1/sites/live/live`, { headers: display });
    expect(own.status).toBe(200);
    expect((await fetch(`${app.url}/api/v1/sites/other/live`, { headers: display })).status).toBe(403);
    const write = await fetch(`${app.url}/api/v1/sites/live/events`, {
      method: 'POST',
      headers: { ...display, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(write.status).toBe(403);
    const socket = await connect(app.url, created.token);
    try {
      const refused = next<{ message: string }>(socket, LiveEvents.error);
      socket.emit(LiveEvents.subscribe, { site: 'other' });
      expect((await refused).message).toMatch(/not allowed/);
      const snapshot = next<LiveSnapshotMessage>(socket, LiveEvents.snapshot);
      socket.emit(LiveEvents.subscribe, { site: 'live' });
      expect((await snapshot).site).toBe('live');
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a socket without a valid token at the handshake', async () => {
    await expect(connect(app.url, 'nonsense')).rejects.toThrow(/authentication required/);
  });
});
