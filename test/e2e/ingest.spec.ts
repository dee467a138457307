import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'contact.queued',
  id,
  at: '2026-03-10T08:15:02Z',
  contactId: `c-${id}`,
  queue: 'standard',
  ...extra,
});

describe('ingest over HTTP', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;

  const post = (path: string, body: string, contentType: string, headers = auth) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
  const stored = async () =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from events where site = 'paris'`)).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_MAX_BODY_MB: '300' });
    auth = await login(app.url);
    const created = await post(
      '/api/v1/sites',
      JSON.stringify({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris' }),
      'application/json',
    );
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses a site with an unknown time zone, naming the field', async () => {
    const response = await post(
      '/api/v1/sites',
      JSON.stringify({ id: 'x', name: 'X', timezone: 'Mars/Olympus' }),
      'application/json',
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: { field: string }[] };
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.details.map((d) => d.field)).toEqual(['timezone']);
  });

  it('stores a JSON array once: sending it again stores nothing new', async () => {
    const body = JSON.stringify([event('e1'), event('e2')]);
    const first = await post('/api/v1/sites/paris/events', body, 'application/json');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ lines: 2, events: 2, duplicates: 0, rejected: [], rejectedTotal: 0 });
    const again = await post('/api/v1/sites/paris/events', body, 'application/json');
    expect(await again.json()).toMatchObject({ lines: 2, events: 0, duplicates: 2 });
    expect(await stored()).toBe(2);
  });

  it('streams NDJSON: a bad line is rejected with its number and reason, the others are stored', async () => {
    const lines = [
      JSON.stringify(event('n1')),
      JSON.stringify(event('n2', { at: '2026-03-10T09:15:02+01:00' })),
      '{ not json',
      JSON.stringify(event('n3', { site: 'lyon' })),
      '',
      JSON.stringify(event('n4', { type: 'contact.teleported' })),
      JSON.stringify(event('n1')),
    ].join('\n');
    const response = await post('/api/v1/sites/paris/events', lines, 'application/x-ndjson');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rejected: { line: number; reason: string }[] };
    expect(body).toMatchObject({ lines: 7, events: 1, duplicates: 1, rejectedTotal: 4 });
    expect(body.rejected.map((r) => r.line)).toEqual([2, 3, 4, 6]);
    expect(body.rejected[0]!.reason).toMatch(/^at: /);
    expect(body.rejected[1]!.reason).toMatch(/not JSON/);
    expect(body.rejected[2]!.reason).toMatch(/does not match/);
    expect(body.rejected[3]!.reason).toMatch(/^type: /);
  });

  it('answers a malformed JSON body with a 400 and stores nothing', async () => {
    const before = await stored();
    const response = await post(
      '/api/v1/sites/paris/events',
      `[${JSON.stringify(event('g1'))}, {"type":`,
      'application/json',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/malformed JSON/) as unknown,
    });
    expect(await stored()).toBe(before);
  });

  it.each([
    ['a wrong content type', '/api/v1/sites/paris/events', 'application/xml', 415],
    ['an unknown site', '/api/v1/sites/nowhere/events', 'application/json', 404],
    ['queue_log sent as JSON', '/api/v1/sites/paris/queue-log', 'application/json', 415],
  ])('answers %s with a clear 4xx', async (_, path, type, status) => {
    const response = await post(path, '[]', type);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(status);
    expect(body.message.length).toBeGreaterThan(5);
  });

  it('refuses a declared body over the limit before reading it', async () => {
    const response = await fetch(`${app.url}/api/v1/sites/paris/queue-log`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain', 'content-length': String(400 * 1024 * 1024) },
      body: 'x',
    }).catch((error: unknown) => error);
    if (response instanceof Response) {
      expect(response.status).toBe(413);
    }
  });

  it('reads a 200 MB upload of garbage to the end: every line rejected, nothing stored, no 5xx', async () => {
    const before = await stored();
    const line = `${'garbage '.repeat(12)}\n`;
    const lines = Math.ceil((200 * 1024 * 1024) / line.length);
    const chunk = new TextEncoder().encode(line.repeat(10_000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= lines) {
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += 10_000;
      },
    });
    const response = await fetch(`${app.url}/api/v1/sites/paris/queue-log`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body,
      duplex: 'half',
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      lines: number;
      events: number;
      rejectedTotal: number;
      rejected: unknown[];
    };
    expect(result.events).toBe(0);
    expect(result.rejectedTotal).toBe(result.lines);
    expect(result.lines).toBeGreaterThanOrEqual(lines);
    expect(result.rejected).toHaveLength(10_000);
    expect(await stored()).toBe(before);
  });

  it('imports queue_log lines: bad lines rejected by number, the rest stored once', async () => {
    const text = [
      '1741594500|1741594500.1|standard|NONE|ENTERQUEUE||0612345678|1',
      'not|a line',
      '1741594512|1741594500.1|standard|SIP/2001|CONNECT|12|1741594500.9|3',
      'abc|1741594500.2|standard|NONE|ENTERQUEUE||0612345679|1',
      '1741594700|1741594500.1|standard|SIP/2001|COMPLETECALLER|12|188|1',
    ].join('\n');
    const first = await post('/api/v1/sites/paris/queue-log', text, 'text/plain');
    expect(first.status).toBe(200);
    const body = (await first.json()) as { lines: number; events: number; rejected: { line: number }[] };
    expect(body).toMatchObject({ lines: 5, events: 3, duplicates: 0 });
    expect(body.rejected.map((r) => r.line)).toEqual([2, 4]);
    const again = await post('/api/v1/sites/paris/queue-log', text, 'text/plain');
    expect(await again.json()).toMatchObject({ events: 0, duplicates: 3 });
  });

  it('asks for credentials before anything else', async () => {
    const response = await post('/api/v1/sites/paris/events', '[]', 'application/json', {});
    expect(response.status).toBe(401);
  });
});
