import { LIVE_NAMESPACE, LiveEvents, type LiveSnapshotMessage } from '@vigie/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('with REDIS_URL', () => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { REDIS_URL: 'redis://127.0.0.1:6379' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('reports Redis up in the health check', async () => {
    const health = await (await fetch(`${app.url}/api/v1/health`)).json();
    expect(health).toEqual({ status: 'ok', database: { kind: 'postgres', state: 'up' }, redis: { state: 'up' } });
  });

  it('serves live figures to screens through the socket.io Redis adapter', async () => {
    const auth = await login(app.url);
    await fetch(`${app.url}/api/v1/sites`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'r', name: 'R', timezone: 'Europe/Paris' }),
    });
    const socket = io(`${app.url}${LIVE_NAMESPACE}`, {
      auth: { token: auth.authorization!.slice(7) },
      transports: ['websocket'],
    });
    try {
      const snapshot = new Promise<LiveSnapshotMessage>((resolve) => socket.once(LiveEvents.snapshot, resolve));
      socket.emit(LiveEvents.subscribe, { site: 'r' });
      expect((await snapshot).site).toBe('r');
    } finally {
      socket.disconnect();
    }
  });
});
