import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** Real third-party queue_log samples (shared/data, never shipped): imported, then reported on. */
const sample = (name: string) => readFileSync(new URL(`../../../shared/data/queue_log/${name}`, import.meta.url));

interface Row {
  queue: string;
  start: string;
  [figure: string]: unknown;
}

describe('reports of real queue_log samples, against hand-computed figures', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;

  const post = (path: string, body: string | Buffer, contentType: string) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { ...auth, 'content-type': contentType }, body });
  const report = async (site: string, day: string): Promise<Row[]> => {
    const response = await fetch(`${app.url}/api/v1/sites/${site}/reports/queues?from=${day}&to=${day}&interval=day`, {
      headers: auth,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { rows: Row[] }).rows;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('voipreports (realtime CSV, UTC-5): 30 November 2018, queue IT, call by call', async () => {
    const site = JSON.stringify({ id: 'bogota', name: 'Bogotá', timezone: 'America/Bogota' });
    expect((await post('/api/v1/sites', site, 'application/json')).status).toBe(201);
    const imported = await post(
      '/api/v1/sites/bogota/queue-log',
      sample('srinimonster-voipreports1__queue_log.csv'),
      'text/csv',
    );
    expect(imported.status).toBe(200);

    // The 13 calls of the day, all answered. Waits (CONNECT hold time): 76, 5, 3, 77, 23, 7, 6, 5, 6, 21, 103,
    // 27, 5 → 7 within 20 s, sum 364. Talk (COMPLETE*): 847, 60, 122, 99, 417, 111, 112, 5, 372, 153, 897, 156,
    // 190 → sum 3,541. The COMPLETEAGENT of 1543618399.120 says hold 28 where its CONNECT said 27: the CONNECT wins.
    expect(await report('bogota', '2018-11-30')).toEqual([
      {
        queue: 'IT',
        start: '2018-11-30T00:00:00.000-05:00',
        offered: 13,
        answered: 13,
        abandoned: 0,
        notDistributed: 0,
        received: 13,
        answeredWithinSl: 7,
        serviceQuality: 1,
        serviceLevel: 7 / 13,
        avgWaitAnsweredSec: 28,
        avgTalkSec: 3541 / 13,
        maxWaitSec: 103,
        definition: 'contract-v1',
        excludedFromRatios: 0,
      },
    ]);
  });

  it('asterisk2slack (native, duplicated and out-of-order lines): 28 December 2018, queue 201', async () => {
    const site = JSON.stringify({ id: 'mexico', name: 'México', timezone: 'America/Mexico_City' });
    expect((await post('/api/v1/sites', site, 'application/json')).status).toBe(201);
    const text = sample('xalakox-asterisk2slack__test_fixtures_queue_log');
    const first = await post('/api/v1/sites/mexico/queue-log', text, 'text/plain');
    expect(first.status).toBe(200);
    // Re-importing the file stores nothing new.
    const again = (await (await post('/api/v1/sites/mexico/queue-log', text, 'text/plain')).json()) as {
      events: number;
    };
    expect(again.events).toBe(0);

    // Two calls entered (1546015415.757927, six times repeated; 1546027663.761192), both answered within 20 s
    // (waits 10 and 14). Only the first ended (talk 122). 1546023970.760296 and 1546023604.760166 never
    // entered the queue in this file, so their CONNECT and COMPLETE lines count for nothing.
    expect(await report('mexico', '2018-12-28')).toEqual([
      {
        queue: '201',
        start: '2018-12-28T00:00:00.000-06:00',
        offered: 2,
        answered: 2,
        abandoned: 0,
        notDistributed: 0,
        received: 2,
        answeredWithinSl: 2,
        serviceQuality: 1,
        serviceLevel: 1,
        avgWaitAnsweredSec: 12,
        avgTalkSec: 122,
        maxWaitSec: 14,
        definition: 'contract-v1',
        excludedFromRatios: 0,
      },
    ]);
  });
});
