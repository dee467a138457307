import type { FloorSnapshot } from '@vigie/protocol';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('following a growing queue_log', () => {
  let t: TestDatabase;
  let app: TestApp;
  let dir: string;
  let path: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'vigie-tail-e2e-'));
    path = join(dir, 'queue_log');
    await writeFile(path, '');
    await t.db.query(`insert into sites (id, name, timezone) values ('pbx', 'PBX', 'Europe/Paris')`);
    app = await startApp(t.url, { VIGIE_TAIL: `pbx=${path}` });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows lines written to the file on the live figures within a second', async () => {
    const auth = await login(app.url);
    const epoch = Math.floor(Date.now() / 1000) - 5;
    await appendFile(path, `${epoch}|c1|standard|NONE|ENTERQUEUE||0612345678|1\n${epoch + 2}|c1|standard|SIP/1|CONN`);
    const live = async () =>
      ((await (await fetch(`${app.url}/api/v1/sites/pbx/live`, { headers: auth })).json()) as FloorSnapshot).queues[0];
    const started = Date.now();
    while (!(await live()) && Date.now() - started < 3000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await live()).toMatchObject({ offered: 1, waiting: 1 });
    await appendFile(path, `ECT|2|c1.9|1\n`);
    await new Promise((r) => setTimeout(r, 600));
    expect(await live()).toMatchObject({ offered: 1, answered: 1, waiting: 0 });
  });
});
