import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { breakFloor } from '../support/floors.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));
const SUPERVISOR = { email: 'sup@test.local', password: 'supervisor-password-1' };
const AGENT = { email: 'agent2001@test.local', password: 'agent-password-1' };

/** The supervisor's console and the agent's page: a break asked, advised and approved, an alarm acknowledged. */
describe.runIf(existsSync(CHROMIUM) && BUILT)('supervisor console and agent page', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let admin: Record<string, string>;
  const api = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { ...admin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
  };

  async function signIn(credentials: { email: string; password: string }, path: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(credentials.email);
    await page.getByLabel('Mot de passe').fill(credentials.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.goto(`${app.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    admin = await login(app.url);
    expect(
      (await api('/sites', 'POST', { id: 'cs', name: 'Plateau Nantes', timezone: zoneAwayFromMidnight(Date.now(), 4) }))
        .status,
    ).toBe(201);
    expect((await api('/users', 'POST', { ...SUPERVISOR, roles: ['supervisor'] })).status).toBe(201);
    expect((await api('/users', 'POST', { ...AGENT, roles: ['agent'], agent: 'SIP/2001' })).status).toBe(201);

    // Four agents on one queue (SIP/2003 has worked 2 h 40 without a break), four calls in the last ten minutes.
    expect((await api('/sites/cs/events', 'POST', breakFloor(Date.now()))).body).toMatchObject({ rejected: [] });
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

  it('asks for a break on the agent page, approves it on the console, and acknowledges an alarm', async () => {
    // The agent asks for a break through the form (the API does not tell the page its agent id: typed once).
    const agent = await signIn(AGENT, '/sites/cs/me');
    await agent.getByLabel('Mon identifiant agent').fill('SIP/2001');
    await agent.getByLabel('Motif').selectOption('Pause');
    await agent.getByLabel('Durée (min)').fill('10');
    await agent.getByRole('button', { name: 'Demander une pause' }).click();
    await agent.getByText('Demande envoyée.').waitFor();
    const row = agent.locator('tr[data-status]');
    await row.filter({ hasText: 'En attente' }).waitFor();
    await agent.locator('.state[data-state="ready"]').waitFor({ timeout: 10_000 });

    // The supervisor sees it with its advice and the numbers behind it, and approves it.
    const console_ = await signIn(SUPERVISOR, '/sites/cs/console');
    const request = console_.locator('li[data-request]').filter({ hasText: 'SIP/2001' });
    await request.getByText('Accorder maintenant').waitFor({ timeout: 10_000 });
    expect(await request.getByRole('row', { name: /standard/ }).textContent()).toMatch(/02:10/);
    await request.getByRole('button', { name: 'Accorder', exact: true }).click();
    await console_.getByText('Aucune demande en attente').waitFor({ timeout: 10_000 });
    await row.filter({ hasText: 'Accordée' }).waitFor({ timeout: 15_000 });

    // A red alarm within seconds: one call waiting with orange at 1 s and red at 2 s.
    const rule = {
      label: 'Att.Max',
      figure: 'longestWaitSec',
      scope: { kind: 'queue' },
      direction: 'above',
      orange: 1,
      red: 2,
      minDurationSec: 0,
      hysteresis: 0,
    };
    expect((await api('/sites/cs/alarm-rules/longest-wait', 'PUT', rule)).status).toBe(200);
    // The floor's agents sit ready while the call waits: only the queue's wait raises an alarm here.
    expect((await api('/sites/cs/alarm-rules/idle-while-waiting', 'DELETE')).status).toBe(204);
    const queued = {
      type: 'contact.queued',
      id: 'wait1',
      at: new Date().toISOString(),
      contactId: 'w1',
      queue: 'standard',
    };
    expect((await api('/sites/cs/events', 'POST', [queued])).status).toBe(200);

    const alarm = console_.locator('li[data-alarm^="longest-wait"]');
    await alarm.getByText('Critique').waitFor({ timeout: 10_000 });
    await alarm.getByRole('button', { name: 'Acquitter' }).click();
    await alarm.getByLabel('Commentaire (facultatif)').fill('Renfort demandé');
    await alarm.getByRole('button', { name: "Confirmer l'acquittement" }).click();
    await alarm.getByText('Acquittée').waitFor({ timeout: 10_000 });
    const open = (await api('/sites/cs/alarms?state=open')).body as { ackedBy: string | null; ackComment: string }[];
    expect(open).toMatchObject([{ ackComment: 'Renfort demandé' }]);
    expect(open[0]!.ackedBy).toBeTruthy();

    // The red-alarm sound switch: off by default, still on after a reload once turned on.
    const sound = console_.getByRole('switch', { name: 'Son des alarmes rouges' });
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    await console_.reload();
    await alarm.getByText('Acquittée').waitFor({ timeout: 10_000 });
    expect(await sound.isChecked()).toBe(true);

    // An overdue request for the screenshot, then the console at 1080p.
    expect((await api('/sites/cs/break-requests', 'POST', { agent: 'SIP/2003', durationMin: 10 })).status).toBe(201);
    await console_.getByText('En retard — accorder malgré la charge').waitFor({ timeout: 10_000 });
    mkdirSync('docs/screenshots', { recursive: true });
    await console_.screenshot({ path: 'docs/screenshots/console.png' });
  });

  it('issues and revokes a TV link on the admin page, and answers a what-if on the calculator', async () => {
    const page = await signIn(SUPERVISOR, '/sites/cs/console');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByLabel('Nom du lien TV').fill('TV accueil');
    await page.getByRole('button', { name: 'Créer le lien TV' }).click();
    const link = await page.getByLabel('Lien TV', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/display/vd_`));
    const tv = page.getByRole('row', { name: /TV accueil/ });
    page.once('dialog', (dialog) => void dialog.accept());
    await tv.getByRole('button', { name: /Révoquer/ }).click();
    await tv.getByText('Révoqué').waitFor();
    const token = link.split('/').at(-1)!;
    expect((await fetch(`${app.url}/api/v1/display`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );

    await page.getByRole('link', { name: 'Calculateur' }).click();
    await page.getByRole('button', { name: 'Calculer' }).click();
    await page.getByText('14 agents nécessaires pour 80 % en 20 s').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(5);
    await page.getByLabel('DMT (s)').fill('');
    await page.getByRole('button', { name: 'Calculer' }).click();
    await page
      .locator('#e-ahtSec')
      .filter({ hasText: /ahtSec/ })
      .waitFor();
  });
});
