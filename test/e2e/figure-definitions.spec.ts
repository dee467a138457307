import { businessDay } from '@vigie/domain';
import type { FloorSnapshot } from '@vigie/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const H = 3600_000;
type Row = Record<string, unknown>;

/**
 * One queue's contacts from `t0`: answered in 15 s and 25 s, abandons after 3 s and 40 s, one not distributed
 * after 60 s. Contract: received 5, within 20 s 1, SL 1/5, QS 2/5.
 */
function contacts(t0: number, tag: string) {
  const at = (sec: number) => new Date(t0 + sec * 1000).toISOString();
  let n = 0;
  const ev = (type: string, sec: number, fields: Record<string, unknown>) => ({
    type,
    id: `${tag}${++n}`,
    at: at(sec),
    queue: 'standard',
    ...fields,
    contactId: `${tag}-${String(fields.contactId)}`,
  });
  return [
    ev('contact.queued', 0, { contactId: 'a' }),
    ev('contact.answered', 15, { contactId: 'a', agent: 'A', waitSec: 15 }),
    ev('contact.queued', 1, { contactId: 'b' }),
    ev('contact.answered', 26, { contactId: 'b', agent: 'B', waitSec: 25 }),
    ev('contact.queued', 2, { contactId: 'c' }),
    ev('contact.abandoned', 5, { contactId: 'c', waitSec: 3 }),
    ev('contact.queued', 3, { contactId: 'd' }),
    ev('contact.abandoned', 43, { contactId: 'd', waitSec: 40 }),
    ev('contact.queued', 4, { contactId: 'x' }),
    ev('contact.not_distributed', 64, { contactId: 'x', waitSec: 60, reason: 'timeout' }),
  ];
}

const CONTRACT = { received: 5, answeredWithinSl: 1, serviceLevel: 1 / 5, serviceQuality: 2 / 5 };

describe('figure definitions', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  const now = Date.now();
  const zone = zoneAwayFromMidnight(now, 2);
  const today = businessDay(now, zone);
  const yesterday = businessDay(today.startMs - 1, zone);
  const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${app.url}/api/v1/sites/fig${path}`, {
      method: init.method ?? 'GET',
      headers: { ...auth, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const report = async (date: string) =>
    ((await (await call(`/reports/queues?from=${date}&to=${date}&interval=day`)).json()) as { rows: Row[] }).rows;
  const live = async () => (await (await call('/live')).json()) as FloorSnapshot;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    const site = await fetch(`${app.url}/api/v1/sites`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'fig', name: 'Figures', timezone: zone }),
    });
    expect(site.status).toBe(201);
    const events = [...contacts(yesterday.startMs + H, 'y'), ...contacts(now - H, 't')];
    expect((await call('/events', { method: 'POST', body: events })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('counts under the contract’s definition when the site has none', async () => {
    expect(await (await call('/figure-definitions')).json()).toEqual([]);
    expect(await report(yesterday.date)).toMatchObject([{ definition: 'contract-v1', ...CONTRACT }]);
    expect(await report(today.date)).toMatchObject([{ definition: 'contract-v1', excludedFromRatios: 0, ...CONTRACT }]);
    expect((await live()).queues[0]).toMatchObject({
      slTargetSec: 20,
      definition: { id: 'contract-v1', targetSec: 20, shortAbandonSec: null, countNotDistributed: true },
      ...CONTRACT,
    });
  });

  it('refuses a definition starting before the current business day, naming validFrom', async () => {
    const past = await call('/figure-definitions', {
      method: 'POST',
      body: { id: 'too-late', validFrom: yesterday.date, targetSec: 30 },
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { details: { field: string }[] }).details[0]?.field).toBe('validFrom');
    const bad = await call('/figure-definitions', { method: 'POST', body: { id: 'x', validFrom: today.date } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { field: string }[] }).details[0]?.field).toBe('targetSec');
  });

  it('applies a definition from its day on: reports before keep the contract’s, reports after follow it', async () => {
    const created = await call('/figure-definitions', {
      method: 'POST',
      body: { id: 'sl-30', validFrom: today.date, targetSec: 30, shortAbandonSec: 5, countNotDistributed: false },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'sl-30', version: 1, queue: '*', createdBy: 'admin@test.local' });

    expect(await report(yesterday.date)).toMatchObject([{ definition: 'contract-v1', ...CONTRACT }]);
    // Counted in the ratios: a, b and the 40 s abandon (the 3 s abandon and the not-distributed one are left out).
    expect(await report(today.date)).toMatchObject([
      {
        definition: 'sl-30',
        received: 5,
        excludedFromRatios: 2,
        answeredWithinSl: 2,
        serviceLevel: 2 / 3,
        serviceQuality: 2 / 3,
      },
    ]);
    const both = await call(`/reports/queues?from=${yesterday.date}&to=${today.date}&interval=day`);
    expect(((await both.json()) as { rows: Row[] }).rows.map((r) => r.definition)).toEqual(['contract-v1', 'sl-30']);
  });

  it('shows the definition in force on the live floor, without a restart', async () => {
    expect((await live()).queues[0]).toMatchObject({
      slTargetSec: 30,
      definition: { id: 'sl-30', targetSec: 30, shortAbandonSec: 5, countNotDistributed: false },
      received: 5,
      answeredWithinSl: 2,
      serviceLevel: 2 / 3,
    });
  });

  it('keeps today when a definition starts tomorrow, lists every version and audits each change', async () => {
    const tomorrow = businessDay(today.endMs, zone).date;
    // A contact that entered yesterday, a minute before today began, still waiting when the definition is created.
    const pending = {
      id: 'p1',
      at: new Date(today.startMs - 60_000).toISOString(),
      queue: 'standard',
      contactId: 'pending',
    };
    expect((await call('/events', { method: 'POST', body: [{ ...pending, type: 'contact.queued' }] })).status).toBe(
      200,
    );
    const next = await call('/figure-definitions', {
      method: 'POST',
      body: { id: 'sl-10', validFrom: tomorrow, targetSec: 10 },
    });
    expect(next.status).toBe(201);
    expect(await next.json()).toMatchObject({ version: 2, shortAbandonSec: null, countNotDistributed: true });
    expect(await report(today.date)).toMatchObject([{ definition: 'sl-30', serviceLevel: 2 / 3 }]);
    expect((await live()).queues[0]?.definition.id).toBe('sl-30');

    const again = await call('/figure-definitions', {
      method: 'POST',
      body: { id: 'sl-10', validFrom: tomorrow, targetSec: 5 },
    });
    expect(again.status).toBe(409);
    const list = (await (await call('/figure-definitions')).json()) as Row[];
    expect(list.map((d) => [d.id, d.version, d.validFrom])).toEqual([
      ['sl-30', 1, today.date],
      ['sl-10', 2, tomorrow],
    ]);
    const { rows } = await t.db.query<{ target: string }>(
      `select target from audit_log where action = 'figure-definition.create' order by id`,
    );
    expect(rows.map((r) => r.target)).toEqual(['sl-30', 'sl-10']);
  });

  it('counts the contacts imported after the change, and those still open then, under the definition of their day', async () => {
    const answer = {
      type: 'contact.answered',
      id: 'p2',
      at: new Date(today.startMs + 5_000).toISOString(),
      queue: 'standard',
      contactId: 'pending',
      agent: 'A',
      waitSec: 65,
    };
    const later = [...contacts(now - H / 2, 'l'), answer];
    expect((await call('/events', { method: 'POST', body: later })).status).toBe(200);
    expect(await report(today.date)).toMatchObject([
      { definition: 'sl-30', received: 10, excludedFromRatios: 4, answeredWithinSl: 4, serviceLevel: 4 / 6 },
    ]);
    // The contact that entered yesterday counts yesterday, under yesterday's definition.
    expect(await report(yesterday.date)).toMatchObject([
      { definition: 'contract-v1', received: 6, answered: 3, answeredWithinSl: 1, serviceLevel: 1 / 6 },
    ]);
  });
});

describe('figure definitions on several instances (Redis)', () => {
  let t: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let auth: Record<string, string>;
  const now = Date.now();
  const zone = zoneAwayFromMidnight(now, 2);
  const post = (app: TestApp, path: string, body: unknown) =>
    fetch(`${app.url}/api/v1${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    a = await startApp(t.url, { REDIS_URL: 'redis://127.0.0.1:6379' });
    b = await startApp(t.url, { REDIS_URL: 'redis://127.0.0.1:6379' });
    auth = await login(a.url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await t?.drop();
  });

  it('lets every instance’s live floor follow a definition created on one of them', async () => {
    expect((await post(a, '/sites', { id: 'multi', name: 'Multi', timezone: zone })).status).toBe(201);
    expect((await post(b, '/sites/multi/events', contacts(now - H, 'm'))).status).toBe(200);
    const liveOnB = async () =>
      ((await (await fetch(`${b.url}/api/v1/sites/multi/live`, { headers: auth })).json()) as FloorSnapshot).queues[0];
    expect(await liveOnB()).toMatchObject({ definition: { id: 'contract-v1' }, serviceLevel: 1 / 5 });
    const today = businessDay(now, zone).date;
    expect(
      (await post(a, '/sites/multi/figure-definitions', { id: 'sl-30', validFrom: today, targetSec: 30 })).status,
    ).toBe(201);
    await expect.poll(async () => (await liveOnB())?.definition.id).toBe('sl-30');
    expect(await liveOnB()).toMatchObject({ slTargetSec: 30, answeredWithinSl: 2, serviceLevel: 2 / 5 });
  });
});
