import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));
const HR = { email: 'rh@test.local', password: 'hr-password-1' };
const SUPERVISOR = { email: 'sup@test.local', password: 'supervisor-password-1' };
const AGENT = { email: 'agent2001@test.local', password: 'agent-password-1' };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's label, name and contrast rules on the page as it is now: the rules that failed, with where. */
async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run({
      runOnly: {
        type: 'rule',
        values: ['label', 'button-name', 'link-name', 'select-name', 'th-has-data-cells', 'color-contrast'],
      },
    }),
  );
  return result.violations.map((v) => ({ id: v.id, targets: v.nodes.flatMap((n) => n.target) }));
}

/**
 * The evaluation and pay screens against the real API: HR designs a grid and opens a period, a supervisor scores an
 * evaluation and submits it, and (once acknowledged and validated) HR computes the pay run, reviews, locks and
 * exports it.
 */
describe.runIf(existsSync(CHROMIUM) && BUILT)('evaluation and pay screens', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let zone: string;
  const call = async (headers: Record<string, string>, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };

  async function signIn(credentials: { email: string; password: string }, path: string): Promise<Page> {
    const page = await browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
    });
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
    const admin = await login(app.url);
    zone = zoneAwayFromMidnight(Date.now(), 3);
    expect((await call(admin, '/sites', 'POST', { id: 'ev', name: 'Évaluation', timezone: zone })).status).toBe(201);
    expect((await call(admin, '/users', 'POST', { ...HR, roles: ['hr'] })).status).toBe(201);
    expect((await call(admin, '/users', 'POST', { ...SUPERVISOR, roles: ['supervisor'] })).status).toBe(201);
    expect((await call(admin, '/users', 'POST', { ...AGENT, roles: ['agent'], agent: 'SIP/2001' })).status).toBe(201);
    // Two agents of team A logged in today.
    const at = (agoSec: number) => new Date(Date.now() - agoSec * 1000).toISOString();
    const events = ['SIP/2001', 'SIP/2002'].map((agent, i) => ({
      type: 'agent.logged_in',
      id: `in-${i}`,
      at: at(3600),
      agent,
      queue: 'standard',
      team: 'A',
    }));
    expect((await call(admin, '/sites/ev/events', 'POST', events)).body).toMatchObject({ rejected: [] });
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

  it('designs a grid, scores an evaluation, and pays on it', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now());

    // HR designs a grid: one manual criterion (0–5, 3 and up earns the points) and a KPI one (N/A allowed).
    const hr = await signIn(HR, '/sites/ev/grids');
    await hr.getByRole('heading', { name: /Grilles d.évaluation/ }).waitFor();
    await hr.getByRole('button', { name: 'Nouvelle grille' }).click();
    await hr.getByRole('button', { name: 'Créer la grille' }).click();
    await hr.getByText('Indiquez le libellé de la grille.').waitFor();
    await hr.getByLabel('Identifiant de la grille').fill('qualite');
    await hr.getByLabel('Libellé', { exact: true }).fill('Qualité');
    await hr.getByLabel('En vigueur à partir du').fill(today);
    await hr.getByLabel('Libellé de la section').fill('Accueil');
    await hr.getByLabel('Libellé du critère').fill('Politesse');
    await hr.getByRole('button', { name: 'Ajouter un critère à Section 1' }).click();
    const kpi = hr.getByRole('group', { name: 'Section 1, critère 2' });
    await kpi.getByLabel('Libellé du critère').fill('Qualité de service');
    await kpi.getByRole('combobox', { name: /^Type/ }).selectOption('kpi');
    await kpi.getByRole('combobox', { name: /^Indicateur/ }).selectOption('serviceQuality');
    await kpi.getByLabel('N/A autorisé').check();
    await kpi.getByLabel('Paliers de Section 1, critère 2, palier 1 : à (exclu)').fill('0.8');
    await kpi.getByLabel('Paliers de Section 1, critère 2, palier 2 : de').fill('0.8');
    expect(await axeViolations(hr)).toEqual([]);
    await hr.screenshot({ path: 'docs/screenshots/grid-designer.png', fullPage: true });
    await hr.getByRole('button', { name: 'Créer la grille' }).click();
    await hr.getByText('Grille qualite créée.').waitFor();
    await hr.getByRole('heading', { name: 'Historique des versions de qualite' }).waitFor();
    expect(
      await hr
        .getByRole('row', { name: /Qualité/ })
        .first()
        .textContent(),
    ).toContain('Qualité');

    // HR opens this week's period on it: both agents get a draft.
    await hr.goto(`${app.url}/sites/ev/evaluations`);
    await hr.getByLabel('Type de période').selectOption('week');
    await hr.getByLabel('Premier jour').fill(today);
    await hr.getByRole('button', { name: 'Ouvrir une période' }).click();
    await hr.getByText('Période ouverte : 2 évaluation(s) créée(s).').waitFor();
    await hr.locator('tr[data-status="draft"]').nth(1).waitFor();

    // The supervisor scores SIP/2001 and submits.
    const sup = await signIn(SUPERVISOR, '/sites/ev/evaluations');
    await sup.getByRole('link', { name: /Ouvrir l.évaluation de SIP\/2001/ }).click();
    await sup.getByLabel('Valeur de « Politesse »').fill('4');
    await sup.getByLabel('Commentaire sur « Politesse »').fill('Très courtois');
    await sup.getByRole('button', { name: 'Enregistrer' }).click();
    await sup.getByText('Évaluation enregistrée.').waitFor();
    await sup.getByText('10/10 points', { exact: true }).waitFor();
    expect(await axeViolations(sup)).toEqual([]);
    await sup.screenshot({ path: 'docs/screenshots/evaluation-form.png', fullPage: true });
    await sup.getByRole('button', { name: /Soumettre à l.agent/ }).click();
    await sup.getByText('Évaluation soumise.').waitFor();
    expect(await sup.locator('.summary').textContent()).toContain('Soumise');

    // The agent acknowledges it and the supervisor validates it (the API, as the screens are covered above).
    const agentAuth = await login(app.url, AGENT);
    const supAuth = await login(app.url, SUPERVISOR);
    const mine = await call(agentAuth, '/sites/ev/evaluations');
    const id = (mine.body.evaluations as { id: string }[])[0]!.id;
    expect((await call(agentAuth, `/sites/ev/evaluations/${id}/acknowledge`, 'POST', {})).status).toBeLessThan(300);
    expect((await call(supAuth, `/sites/ev/evaluations/${id}/validate`, 'POST', {})).status).toBeLessThan(300);

    // The history: the score by period as a chart and as a table.
    await hr.goto(`${app.url}/sites/ev/history`);
    await hr.getByLabel('Agent', { exact: true }).fill('SIP/2001');
    await hr.getByRole('button', { name: 'Afficher' }).click();
    await hr.getByRole('figure', { name: 'Score de SIP/2001 par période' }).locator('canvas').waitFor();
    const row = hr.getByRole('table', { name: 'Score de SIP/2001 par période' }).getByRole('row').nth(1);
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('100,00 %');

    // HR sets the pay rules (the form's defaults), computes the run, reviews, locks and exports it.
    await hr.goto(`${app.url}/sites/ev/pay`);
    await hr.getByRole('heading', { name: 'Rémunération variable ev' }).waitFor();
    await hr.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await hr.getByText('Règles enregistrées.').waitFor();
    await hr.getByRole('button', { name: 'Calculer' }).click();
    const line = hr.locator('tr[data-agent="SIP/2001"]');
    await line.waitFor();
    expect((await line.textContent())?.replace(/\s/g, ' ')).toMatch(/100,00 €/);
    await hr.getByRole('button', { name: 'Détail de SIP/2001' }).click();
    await hr.getByRole('table', { name: 'Calcul de SIP/2001' }).waitFor();
    expect(await hr.getByRole('table', { name: 'Calcul de SIP/2001' }).textContent()).toContain('Individuel');
    expect(await axeViolations(hr)).toEqual([]);
    await hr.screenshot({ path: 'docs/screenshots/pay-review.png', fullPage: true });
    await hr.getByRole('button', { name: 'Verrouiller le calcul' }).click();
    await hr.getByRole('button', { name: 'Oui, verrouiller' }).click();
    const exportLink = hr.getByRole('link', { name: 'Exporter le fichier de paie (CSV)' });
    await exportLink.waitFor();
    await hr.locator('.summary [data-status="locked"]').waitFor();
    const [download] = await Promise.all([hr.waitForEvent('download'), exportLink.click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('SIP/2001');
    expect(csv).toContain('total_cents');

    // The agent reads their own line of the locked run, with its explanation, on their page.
    const agent = await signIn(AGENT, '/sites/ev/me');
    const myPay = agent.locator('.my-pay');
    await myPay.waitFor({ timeout: 10_000 });
    expect((await myPay.locator('.total').textContent())?.replace(/\s/g, ' ')).toContain('100,00 €');
    expect(await myPay.getByRole('table').textContent()).toContain('Individuel');
    await Promise.all([hr.close(), sup.close(), agent.close()]);
  });
});
