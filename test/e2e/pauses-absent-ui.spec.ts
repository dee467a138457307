import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));

/**
 * Issue 8, points 4 and 6 in Chromium: the pauses tile on a TV (per reason, with the policy's maximum, paid flag and
 * the agents past it) and the console's absent-agents panel, whose proposal is recorded, never applied silently.
 */
describe.runIf(existsSync(CHROMIUM) && BUILT)('pauses on the wall and absent agents in the console', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let auth: Record<string, string>;
  const api = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    const site = { id: 'pa', name: 'Plateau Brest', timezone: zoneAwayFromMidnight(Date.now(), 3) };
    expect((await api('/sites', 'POST', site)).status).toBe(201);
    const now = Date.now();
    const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
    let n = 0;
    const ev = (secondsAgo: number, e: Record<string, unknown>) => ({ id: `e${(n += 1)}`, at: at(secondsAgo), ...e });
    const login2h = (agent: string, name: string) =>
      ev(2 * 3600, { type: 'agent.logged_in', agent, queue: 'conseil', name, team: 'A' });
    const events = [
      login2h('SIP/1', 'Alice Martin'),
      login2h('SIP/2', 'Bruno Petit'),
      login2h('SIP/3', 'Chloé Roux'),
      login2h('SIP/4', 'David Leroy'),
      // Bruno: a 10-minute 'Pause' an hour and a half ago, then 'Repas' for the last 5 minutes.
      ev(5400, { type: 'agent.paused', agent: 'SIP/2', reason: 'Pause' }),
      ev(4800, { type: 'agent.ready', agent: 'SIP/2' }),
      ev(300, { type: 'agent.paused', agent: 'SIP/2', reason: 'Repas' }),
      // Alice: in 'Pause' for 20 minutes, past the policy's 15.
      ev(1200, { type: 'agent.paused', agent: 'SIP/1', reason: 'Pause' }),
      // David lets a call ring three times in a row; the call still waits, and Chloé, ready, does not take it.
      ev(200, { type: 'contact.queued', contactId: 'c1', queue: 'conseil', callerId: '0611223344' }),
      ...[190, 170, 150].map((s) =>
        ev(s, { type: 'contact.ring_no_answer', contactId: 'c1', queue: 'conseil', agent: 'SIP/4', ringSec: 15 }),
      ),
    ];
    expect((await api('/sites/pa/events', 'POST', events)).body).toMatchObject({ rejected: [] });
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

  it('a TV shows each pause reason with its maximum, paid flag and the agent past it, in text', async () => {
    const board = await api('/sites/pa/boards', 'POST', {
      name: 'Pauses',
      layout: [{ id: 'pauses', kind: 'pauses', x: 0, y: 0, w: 12, h: 3, config: {} }],
    });
    expect(board.status).toBe(201);
    const { id: boardId } = board.body as { id: string };
    const display = await api('/sites/pa/display-tokens', 'POST', { name: 'TV pauses', boardId });
    const { token } = display.body as { token: string };
    const tv = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await tv.goto(`${app.url}/display/${token}`);

    const pause = tv.locator('tr[data-pause="Pause"]');
    await pause.waitFor({ timeout: 10_000 });
    const cells = async (row: typeof pause) => (await row.locator('td').allTextContents()).map((c) => c.trim());
    // Pause: Alice in it now (20 min, ticking), two pauses today: Bruno's 10 min and Alice's 20 min so far.
    const [now, longest, count, total, max] = await cells(pause);
    expect(now).toBe('1');
    expect(longest).toMatch(/^20:[0-5]\d$/);
    expect(count).toBe('2');
    expect(total).toMatch(/^00:30:[0-5]\d$/);
    expect(max).toBe('15:00 payée');
    expect(await pause.getAttribute('class')).toContain('level-red');
    expect((await pause.locator('th').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Pause ⬣ Dépassement (1)');

    const meal = tv.locator('tr[data-pause="Repas"]');
    const [mealNow, mealLongest, mealCount, mealTotal, mealMax] = await cells(meal);
    expect([mealNow, mealCount, mealMax]).toEqual(['1', '1', '01:00:00 non payée']);
    expect(mealLongest).toMatch(/^0?5:[0-5]\d$/);
    expect(mealTotal).toMatch(/^00:05:[0-5]\d$/);
    expect(await meal.getAttribute('class')).not.toContain('level-red');
  });

  it('the console proposes a pause or a logoff for agents who may be away, and records the choice', async () => {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.goto(`${app.url}/sites/pa/console`);

    const panel = page.getByRole('region', { name: 'Agents peut-être absents' });
    // David is listed once with both reasons: rings missed in a row, and ready while the call waits.
    const david = panel.locator('li[data-absent="SIP/4"]');
    const chloe = panel.locator('li[data-absent="SIP/3"]');
    await david.waitFor({ timeout: 10_000 });
    await chloe.waitFor({ timeout: 10_000 });
    await expect.poll(() => david.textContent(), { timeout: 10_000 }).toContain("3 appels non répondus d'affilée");
    expect(await david.textContent()).toContain("prêt sans prendre d'appel");
    expect(await chloe.textContent()).toMatch(/prêt sans prendre d'appel depuis .+ alors que des appels attendent/);

    await david.getByRole('button', { name: 'Proposer une pause' }).click();
    await david.getByText('Acquittée').waitFor({ timeout: 5000 });
    const alarms = (await api('/sites/pa/alarms')).body as {
      ruleId: string;
      subject: { name: string };
      ackedBy: string | null;
      ackComment: string | null;
    }[];
    const davids = alarms.filter(
      (a) => a.subject.name === 'SIP/4' && ['ring-no-answer', 'idle-while-waiting'].includes(a.ruleId),
    );
    expect(davids.length).toBeGreaterThan(0);
    for (const alarm of davids) {
      expect(alarm).toMatchObject({ ackedBy: ADMIN.email, ackComment: 'Action choisie : proposer une pause' });
    }
    // Nothing was done to the agent: David is still logged in and ready, only the alarm is acknowledged.
    const live = (await api('/sites/pa/live')).body as { agents: { agent: string; state: string }[] };
    expect(live.agents.find((a) => a.agent === 'SIP/4')?.state).toBe('ready');
  });
});
