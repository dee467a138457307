import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));

/** The wallboard in Debian's Chromium, as a person uses it (needs `npm run build` first, as `npm start` does). */
describe.runIf(existsSync(CHROMIUM) && BUILT)('wallboard in a browser', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_DEMO: '1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('signs in, in French, and shows the demo site with its live event count', async () => {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('wrong-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('E-mail ou mot de passe incorrect');
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const row = page.getByRole('row', { name: /Démo — plateau simulé/ });
    await row.waitFor();
    await expect
      .poll(async () => Number((await row.locator('td.num').first().textContent())?.replace(/\D/g, '')))
      .toBeGreaterThan(0);
    expect(await row.locator('.badge').textContent()).toBe('Démo');
    await page.selectOption('select', 'en');
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    expect(await page.getByRole('columnheader').nth(2).textContent()).toBe('Events today');
    await page.screenshot({ path: 'docs/screenshots/sites.png', fullPage: false });
  });
});
