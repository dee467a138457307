import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const RUN = fileURLToPath(new URL('../../../shared/conformance/run', import.meta.url));

/**
 * The independent check of the figures (shared/conformance): a simulated day and two real bank days imported
 * as queue_log, their day reports compared with reference figures computed outside this code base.
 */
describe.runIf(existsSync(RUN))('conformance of the figures', () => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('matches every reference figure, and importing again changes none', async () => {
    const run = () => promisify(execFile)('bash', [RUN, app.url, ADMIN.email, ADMIN.password], { timeout: 120_000 });
    const first = await run();
    expect(first.stdout).toMatch(/^(\d+) of \1 figures match$/m);
    const again = await run();
    expect(again.stdout.trim().split('\n').pop()).toBe(first.stdout.trim().split('\n').pop());
  });
});
