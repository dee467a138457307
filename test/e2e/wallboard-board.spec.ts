import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));

/** Adds a tile of the given kind in the board editor and returns its fieldset. */
async function addTile(page: Page, kind: string) {
  await page.getByLabel('Type de tuile').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Ajouter une tuile' }).click();
  return page.locator('fieldset').last();
}

/** A board built in the editor, shown on a TV through a display token, following live figures and alarm levels. */
describe.runIf(existsSync(CHROMIUM) && BUILT)('wallboard board and TV display', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let auth: Record<string, string>;
  const api = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    const site = { id: 'wb', name: 'Plateau Lyon', timezone: zoneAwayFromMidnight() };
    expect((await api('/api/v1/sites', 'POST', site)).status).toBe(201);
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

  it('builds a board in the editor, opens it on a TV, and follows a wait turning orange then red', async () => {
    // A supervisor (the admin here) builds the board with three tiles in the editor.
    const editor = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1600, height: 1000 } });
    await editor.goto(`${app.url}/`);
    await editor.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await editor.getByLabel('Mot de passe').fill(ADMIN.password);
    await editor.getByRole('button', { name: 'Se connecter' }).click();
    await editor
      .getByRole('row', { name: /Plateau Lyon/ })
      .getByRole('link', { name: 'Tableaux' })
      .click();
    await editor.getByLabel('Nom du tableau').fill('Plateau');
    await editor.getByRole('button', { name: 'Créer le tableau' }).click();
    await editor.waitForURL(/\/sites\/wb\/boards\/[0-9a-f-]{36}$/);
    const boardId = editor.url().split('/').at(-1)!;
    await editor.getByRole('button', { name: 'Modifier' }).click();

    const waiting = await addTile(editor, 'Indicateur');
    await waiting.getByLabel('Largeur').fill('6');
    await waiting.getByLabel('Hauteur').fill('2');
    const longest = await addTile(editor, 'Indicateur');
    await longest.getByLabel('Colonne').fill('6');
    await longest.getByLabel('Ligne').fill('0');
    await longest.getByLabel('Largeur').fill('6');
    await longest.getByLabel('Hauteur').fill('2');
    await longest.getByLabel('Portée').selectOption('queue');
    await longest.getByLabel('File ou équipe').fill('vip');
    await longest.getByLabel('Indicateur').selectOption({ label: 'Att.Max' });
    const table = await addTile(editor, 'Files');
    await table.getByLabel('Ligne').fill('2');
    await table.getByLabel('Largeur').fill('12');
    await table.getByLabel('Hauteur').fill('2');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await editor.getByText('Tableau enregistré.').waitFor();

    const saved = (await (await api(`/api/v1/sites/wb/boards/${boardId}`)).json()) as { layout: unknown[] };
    expect(saved.layout).toMatchObject([
      { kind: 'kpi', x: 0, y: 0, w: 6, h: 2, config: { scope: 'site', figure: 'waiting' } },
      { kind: 'kpi', x: 6, y: 0, w: 6, h: 2, config: { scope: 'queue', name: 'vip', figure: 'longestWaitSec' } },
      { kind: 'queueTable', x: 0, y: 2, w: 12, h: 2, config: { queues: [] } },
    ]);

    // Short thresholds so the test sees both levels within seconds (docs/alarms.md).
    const rule = {
      label: 'Att.Max',
      figure: 'longestWaitSec',
      scope: { kind: 'queue' },
      direction: 'above',
      orange: 2,
      red: 4,
      minDurationSec: 0,
      hysteresis: 0,
    };
    expect((await api('/api/v1/sites/wb/alarm-rules/longest-wait', 'PUT', rule)).status).toBe(200);
    const display = await api('/api/v1/sites/wb/display-tokens', 'POST', { name: 'TV accueil', boardId });
    const { token } = (await display.json()) as { token: string };

    // The TV: no login, the token in the link.
    const tv = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await tv.goto(`${app.url}/display/${token}`);
    const waitingValue = tv.locator('[data-figure="waiting"] output');
    await expect.poll(() => waitingValue.textContent(), { timeout: 10_000 }).toBe('0');

    const now = Date.now();
    const ingest = await api('/api/v1/sites/wb/events', 'POST', [
      { type: 'agent.logged_in', id: 'login', at: new Date(now - 60_000).toISOString(), agent: 'SIP/1', queue: 'vip' },
      { type: 'contact.queued', id: 'q1', at: new Date(now).toISOString(), contactId: 'c1', queue: 'vip' },
    ]);
    expect(ingest.status).toBe(200);
    const ingested = Date.now();
    await waitingValue.filter({ hasText: /^1$/ }).waitFor({ timeout: 1000 });
    expect(Date.now() - ingested).toBeLessThan(1000);

    const wait = tv.locator('.kpi[data-figure="longestWaitSec"]');
    await expect.poll(() => wait.getAttribute('class'), { timeout: 10_000, interval: 100 }).toContain('level-orange');
    expect(await wait.locator('.sign').textContent()).toBe('▲ Alerte');
    await expect.poll(() => wait.getAttribute('class'), { timeout: 10_000, interval: 100 }).toContain('level-red');
    expect(await wait.locator('.sign').textContent()).toBe('⬣ Critique');
    const cell = tv.getByRole('row', { name: /vip/ }).locator('[data-figure="longestWaitSec"]');
    expect(await cell.getAttribute('class')).toContain('level-red');

    // The same board at 1080p and 4K: figures scale with the screen (twice the pixels, twice the height).
    mkdirSync('docs/screenshots', { recursive: true });
    await tv.screenshot({ path: 'docs/screenshots/board-1080p.png' });
    const at1080 = (await waitingValue.boundingBox())!.height;
    await tv.setViewportSize({ width: 3840, height: 2160 });
    await tv.screenshot({ path: 'docs/screenshots/board-4k.png' });
    const at4k = (await waitingValue.boundingBox())!.height;
    expect(at1080).toBeGreaterThan(60);
    expect(at4k / at1080).toBeGreaterThan(1.8);
  });
});
