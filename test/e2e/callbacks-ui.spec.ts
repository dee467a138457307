import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));

/** The callbacks page: repeat callers grouped, a call back recorded, the day exported as CSV. */
describe.runIf(existsSync(CHROMIUM) && BUILT)('callbacks page', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    const auth = await login(app.url);
    const post = (path: string, body: unknown) =>
      fetch(`${app.url}/api/v1${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/sites', { id: 'cb', name: 'Rappels', timezone: zoneAwayFromMidnight() })).status).toBe(201);
    const at = (agoSec: number) => new Date(Date.now() - agoSec * 1000).toISOString();
    let n = 0;
    const ev = (type: string, agoSec: number, fields: Record<string, unknown>) => ({
      type,
      id: `e${++n}`,
      at: at(agoSec),
      queue: 'standard',
      ...fields,
    });
    const events = [
      ev('contact.queued', 600, { contactId: 'a1', callerId: '0611223344' }),
      ev('contact.abandoned', 540, { contactId: 'a1', waitSec: 60 }),
      ev('contact.queued', 300, { contactId: 'a2', callerId: '0611223344' }),
      ev('contact.abandoned', 280, { contactId: 'a2', waitSec: 20 }),
      ev('contact.queued', 200, { contactId: 'b1', callerId: '0755667788' }),
      ev('contact.abandoned', 150, { contactId: 'b1', waitSec: 50 }),
    ];
    expect(await (await post('/sites/cb/events', events)).json()).toMatchObject({ rejected: [] });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('groups the repeat caller, records a call back, and exports the day', async () => {
    const page = await browser.newPage({ locale: 'fr-FR', acceptDownloads: true });
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.goto(`${app.url}/sites/cb/callbacks`);

    await page.getByText('2 à rappeler').waitFor({ timeout: 10_000 });
    const repeat = page.locator('li[data-caller="0611223344"]');
    expect(await repeat.locator('.line').textContent()).toContain('×2');
    expect(await page.locator('li[data-caller="0755667788"] .line').textContent()).toContain('×1');

    await repeat.getByRole('button', { name: 'Rappelé (joint)' }).click();
    await page.getByText('1 à rappeler').waitFor({ timeout: 10_000 });
    await repeat.getByText('Traité').waitFor();
    expect(await repeat.getByRole('list', { name: 'Historique' }).textContent()).toContain('Rappelé (joint)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter (CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('0611223344');
    expect(csv).toContain('0755667788');
    await page.close();
  });
});
