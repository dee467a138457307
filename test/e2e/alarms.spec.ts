import {
  LIVE_NAMESPACE,
  LiveEvents,
  type FloorSnapshot,
  type LivePatchMessage,
  type LiveSnapshotMessage,
} from '@vigie/protocol';
import fastJsonPatch from 'fast-json-patch';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_EVENT, type AlarmNotice } from '../../apps/api/src/alarms/alarm-engine.service.js';
import { verifyWebhook } from '../../apps/api/src/alarms/webhook-signature.js';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on localhost that refuses its very first request (503), to exercise the retry. */
async function receiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let first = true;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = first ? 503 : 204;
      first = false;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const SECRET = 'a-shared-secret-of-the-receiver';

describe('alarms: a waiting call crosses 90 s then 180 s', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let socket: Socket;
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      ...init,
      headers: { ...auth, 'content-type': 'application/json', ...init.headers },
    });
    return {
      status: response.status,
      body: response.status === 204 ? undefined : await response.json(),
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_WEBHOOK_RETRY_BASE_MS: '200' });
    auth = await login(app.url);
    hook = await receiver();
    const zone = zoneAwayFromMidnight();
    expect(
      (await api('/api/v1/sites', { method: 'POST', body: JSON.stringify({ id: 'al', name: 'Al', timezone: zone }) }))
        .status,
    ).toBe(201);
    expect(
      (
        await api('/api/v1/sites/al/webhooks', {
          method: 'POST',
          body: JSON.stringify({ url: hook.url, secret: SECRET }),
        })
      ).status,
    ).toBe(201);
    // This floor's one agent sits ready while the call waits: only the queue's wait is watched here.
    expect((await api('/api/v1/sites/al/alarm-rules/idle-while-waiting', { method: 'DELETE' })).status).toBe(204);
  });
  afterAll(async () => {
    socket?.close();
    hook?.server.close();
    await app?.close();
    await t?.drop();
  });

  it(
    'shows orange then red live, acknowledges, clears, and signs one webhook delivery per change',
    { timeout: 150_000 },
    async () => {
      socket = io(`${app.url}${LIVE_NAMESPACE}`, {
        auth: { token: auth.authorization!.slice('Bearer '.length) },
        transports: ['websocket'],
        reconnection: false,
      });
      let snapshot: FloorSnapshot | undefined;
      const notices: AlarmNotice[] = [];
      const levels: string[] = [];
      socket.on(LiveEvents.snapshot, (m: LiveSnapshotMessage) => {
        snapshot = m.snapshot as FloorSnapshot;
      });
      socket.on(LiveEvents.patch, (m: LivePatchMessage) => {
        if (snapshot) {
          snapshot = fastJsonPatch.applyPatch(snapshot, m.ops as fastJsonPatch.Operation[], false, false).newDocument;
          const level = snapshot.queues.find((q) => q.queue === 'vip')?.levels.longestWaitSec;
          if (level && levels.at(-1) !== level) {
            levels.push(level);
          }
        }
      });
      socket.on(ALARM_EVENT, (n: AlarmNotice) => notices.push(n));
      socket.emit(LiveEvents.subscribe, { site: 'al' });
      await until('the first snapshot', () => snapshot, 5000);

      // A ready agent on the queue (so only the wait rule speaks), and a call that has waited 85 s already.
      const now = Date.now();
      const at = (ms: number) => new Date(ms).toISOString();
      const ingest = await api('/api/v1/sites/al/events', {
        method: 'POST',
        body: JSON.stringify([
          { type: 'agent.logged_in', id: 'login', at: at(now - 600_000), agent: 'SIP/1', queue: 'vip' },
          { type: 'contact.queued', id: 'q', at: at(now - 85_000), contactId: 'call', queue: 'vip' },
        ]),
      });
      expect(ingest.status).toBe(200);

      const raised = await until('orange', () => notices.find((n) => n.type === 'raised'), 15_000);
      expect(raised).toMatchObject({
        alarm: { ruleId: 'longest-wait', subject: { kind: 'queue', name: 'vip' }, level: 'orange' },
        sound: false,
      });
      expect(raised.alarm.value).toBeGreaterThanOrEqual(90);
      const escalated = await until('red', () => notices.find((n) => n.type === 'escalated'), 120_000);
      expect(escalated).toMatchObject({
        previousLevel: 'orange',
        alarm: { level: 'red', maxLevel: 'red' },
        sound: true,
      });
      expect(Date.parse(escalated.alarm.escalatedAt!) - Date.parse(raised.alarm.raisedAt)).toBeGreaterThanOrEqual(
        89_000,
      );
      await until('red on the wall', () => (levels.at(-1) === 'red' ? true : undefined), 3000);
      expect(levels).toEqual(['normal', 'orange', 'red']);
      expect(snapshot?.alarms).toMatchObject([{ key: 'longest-wait|queue:vip', level: 'red', acknowledged: false }]);

      const ack = await api(`/api/v1/sites/al/alarms/${raised.alarm.id}/ack`, {
        method: 'POST',
        body: JSON.stringify({ comment: 'renfort demandé' }),
      });
      expect(ack).toMatchObject({ status: 200, body: { ackedBy: 'admin@test.local', ackComment: 'renfort demandé' } });
      await until('acknowledged on the wall', () => (snapshot?.alarms[0]?.acknowledged ? true : undefined), 3000);

      await api('/api/v1/sites/al/events', {
        method: 'POST',
        body: JSON.stringify([
          {
            type: 'contact.answered',
            id: 'a',
            at: at(Date.now()),
            contactId: 'call',
            queue: 'vip',
            agent: 'SIP/1',
            waitSec: 185,
          },
        ]),
      });
      await until('cleared', () => notices.find((n) => n.type === 'cleared'), 5000);
      expect(notices.map((n) => n.type)).toEqual(['raised', 'escalated', 'acknowledged', 'cleared']);

      // The receiver: each change delivered once (the first after a refused attempt), every one correctly signed.
      await until(
        'four deliveries',
        () => (new Set(hook.received.map((r) => r.headers['x-vigie-delivery'])).size === 4 ? true : undefined),
        10_000,
      );
      const firstAttempts = new Map<string, Received>();
      for (const r of hook.received) {
        expect(
          verifyWebhook(SECRET, Number(r.headers['x-vigie-timestamp']), r.body, String(r.headers['x-vigie-signature'])),
        ).toBe(true);
        firstAttempts.set(String(r.headers['x-vigie-delivery']), r);
      }
      expect([...firstAttempts.values()].map((r) => r.headers['x-vigie-event'])).toEqual([
        'alarm.raised',
        'alarm.escalated',
        'alarm.acknowledged',
        'alarm.cleared',
      ]);
      expect(hook.received).toHaveLength(5);

      const cleared = await api('/api/v1/sites/al/alarms?state=cleared&level=red');
      expect(cleared.body).toMatchObject([{ id: raised.alarm.id, maxLevel: 'red', ackedBy: 'admin@test.local' }]);
      const webhooks = (await api('/api/v1/sites/al/webhooks')).body as { id: string }[];
      const log = (await api(`/api/v1/sites/al/webhooks/${webhooks[0]!.id}/deliveries`)).body as {
        event: string;
        attempts: number;
        lastStatus: number;
      }[];
      expect(log.map((d) => [d.event, d.attempts, d.lastStatus])).toEqual([
        ['alarm.cleared', 1, 204],
        ['alarm.acknowledged', 1, 204],
        ['alarm.escalated', 1, 204],
        ['alarm.raised', 2, 204],
      ]);
    },
  );

  it('refuses a rule whose bounds contradict its direction, naming the field, and audits a valid change', async () => {
    const bad = await api('/api/v1/sites/al/alarm-rules/sl', {
      method: 'PUT',
      body: JSON.stringify({
        figure: 'serviceLevel',
        scope: { kind: 'queue' },
        direction: 'below',
        orange: 0.6,
        red: 0.8,
      }),
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { field: string }[] }).details[0]?.field).toBe('orange');
    const good = await api('/api/v1/sites/al/alarm-rules/sl', {
      method: 'PUT',
      body: JSON.stringify({
        figure: 'serviceLevel',
        scope: { kind: 'queue' },
        direction: 'below',
        orange: 0.8,
        red: 0.6,
      }),
    });
    expect(good.status).toBe(200);
    const rules = (await api('/api/v1/sites/al/alarm-rules')).body as { id: string }[];
    expect(rules.map((r) => r.id)).toContain('sl');
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where target = 'sl'`);
    expect(audit.rows.map((r) => r.action)).toEqual(['alarm-rule.put']);
  });

  it('raises a contact of an action type waiting past its delay, naming the escalation', async () => {
    const types = [{ actionType: 'Appel VIP', priority: 1, maxDelaySec: 2, escalation: 'responsable de plateau' }];
    expect((await api('/api/v1/sites/al/action-types', { method: 'PUT', body: JSON.stringify(types) })).status).toBe(
      200,
    );
    const now = Date.now();
    await api('/api/v1/sites/al/events', {
      method: 'POST',
      body: JSON.stringify([
        {
          type: 'contact.queued',
          id: 'vip1',
          at: new Date(now).toISOString(),
          contactId: 'vip1',
          queue: 'vip',
          actionType: 'Appel VIP',
        },
      ]),
    });
    // Past 2 s of waiting, within a second or so of evaluation and storage.
    const deadline = Date.now() + 8000;
    let found: unknown;
    while (!found && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      found = ((await api('/api/v1/sites/al/alarms?state=open&subjectKind=contact')).body as unknown[])[0];
    }
    expect(found).toMatchObject({
      level: 'red',
      detail: { queue: 'vip', actionType: 'Appel VIP', maxDelaySec: 2, escalation: 'responsable de plateau' },
    });
  });
});
