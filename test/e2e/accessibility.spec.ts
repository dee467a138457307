import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(new URL('../../apps/wallboard/dist/index.html', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeRule {
  id: string;
  nodes: { target: string[]; failureSummary?: string }[];
}
interface AxeResult {
  violations: AxeRule[];
  passes: AxeRule[];
}

/** axe-core's colour-contrast and text-alternative rules on the page as it is now. */
async function axe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: unknown): Promise<AxeResult> } }).axe.run({
      runOnly: { type: 'rule', values: ['color-contrast', 'image-alt', 'aria-command-name', 'label', 'button-name'] },
    }),
  );
  return result;
}

/** A TV board with one queue orange and one red: contrast and text alternatives checked, dark and light. */
describe.runIf(existsSync(CHROMIUM) && BUILT)('alarm tiles are readable by everyone', () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    const auth = await login(app.url);
    const api = async (path: string, method: string, body: unknown) =>
      (await fetch(`${app.url}/api/v1${path}`, {
        method,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as Record<string, string>;
    await api('/sites', 'POST', { id: 'a11y', name: 'Plateau', timezone: zoneAwayFromMidnight() });
    const kpi = (id: string, x: number, name: string) => ({
      id,
      kind: 'kpi',
      x,
      y: 0,
      w: 6,
      h: 2,
      config: { scope: 'queue', name, figure: 'longestWaitSec' },
    });
    const layout = [
      kpi('a', 0, 'sav'),
      kpi('b', 6, 'vip'),
      { id: 't', kind: 'queueTable', x: 0, y: 2, w: 12, h: 2, config: { queues: [] } },
      { id: 'al', kind: 'alarmTicker', x: 0, y: 4, w: 12, h: 1, config: {} },
      {
        id: 'sl',
        kind: 'kpi',
        x: 0,
        y: 5,
        w: 6,
        h: 3,
        config: { scope: 'queue', name: 'sav', figure: 'serviceLevel' },
      },
    ];
    const board = await api('/sites/a11y/boards', 'POST', { name: 'Accueil', layout });
    const rule = { figure: 'longestWaitSec', scope: { kind: 'queue' }, direction: 'above', orange: 5, red: 60 };
    await api('/sites/a11y/alarm-rules/longest-wait', 'PUT', rule);
    token = (await api('/sites/a11y/display-tokens', 'POST', { name: 'TV', boardId: board.id })).token!;
    const at = (agoSec: number) => new Date(Date.now() - agoSec * 1000).toISOString();
    await api('/sites/a11y/events', 'POST', [
      { type: 'agent.logged_in', id: 'l1', at: at(900), agent: 'SIP/1', queue: 'sav' },
      { type: 'agent.logged_in', id: 'l2', at: at(900), agent: 'SIP/2', queue: 'vip' },
      { type: 'contact.queued', id: 'q1', at: at(20), contactId: 'c1', queue: 'sav' }, // orange
      { type: 'contact.queued', id: 'q2', at: at(120), contactId: 'c2', queue: 'vip' }, // red
    ]);
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

  it.each(['dark', 'light'])(
    'passes the contrast and text checks in the %s theme, with icon and text on every level',
    async (theme) => {
      const page = await browser.newPage({
        locale: 'fr-FR',
        viewport: { width: 1920, height: 1080 },
        reducedMotion: 'reduce',
      });
      await page.goto(`${app.url}/display/${token}?theme=${theme}`);
      const red = page.locator('.kpi.level-red');
      const orange = page.locator('.kpi.level-orange');
      await red.waitFor({ timeout: 10_000 });
      await orange.waitFor({ timeout: 10_000 });
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
      expect(await red.locator('.sign').textContent()).toBe('⬣ Critique');
      expect(await orange.locator('.sign').textContent()).toBe('▲ Alerte');
      // The service level with its target, and its definition opened from a labelled button.
      const sl = page.locator('.kpi[data-figure="serviceLevel"]');
      expect(await sl.locator('.target').textContent()).toBe('≤ 20 s');
      await sl.getByRole('button', { name: 'Comment est calculé : Niveau de service' }).click();
      await sl.locator('.definition').waitFor({ timeout: 5_000 });
      const result = await axe(page);
      expect(result.violations).toEqual([]);
      // It did look: the level tiles' texts are among the elements whose contrast passed.
      const contrast = result.passes.find((r) => r.id === 'color-contrast')?.nodes ?? [];
      expect(contrast.length).toBeGreaterThan(10);
      await page.close();
    },
  );
});
