import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  caller,
  GRID,
  openPeriod,
  setUpEvaluationSite,
  type Call,
  type Headers,
  type Who,
} from '../support/evaluation.js';

/** A local date in Paris some time after now (tomorrow or the day after). */
const laterDay = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now() + 30 * 3600_000);

/** docs/evaluation.md, "Grids": a bad grid is a 400 naming the field; a new version never changes an open period. */
describe('evaluation grids: validation and versions', () => {
  let t: TestDatabase;
  let app: TestApp;
  let as: Record<Who, Headers>;
  let call: Call;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    call = caller(app);
    as = await setUpEvaluationSite(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses a bad grid naming the field', async () => {
    const [results] = GRID.sections;
    const overlapping = {
      ...GRID,
      id: 'bad',
      sections: [
        {
          ...results,
          criteria: [
            {
              ...results!.criteria[1],
              tiers: [
                { from: 0, to: 300, points: 1 },
                { from: 200, points: 2 },
              ],
            },
          ],
        },
      ],
    };
    const bad = await call(as.hr, '/grids', 'POST', overlapping);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'sections.0.criteria.0.tiers.1.from', reason: 'tiers must be sorted and must not overlap' },
    ]);
    const noLabel = await call(as.hr, '/grids', 'POST', { ...GRID, id: 'bad', label: undefined });
    expect(noLabel.status).toBe(400);
    expect((noLabel.body.details as { field: string }[]).map((d) => d.field)).toEqual(['label']);
    const duplicateIds = await call(as.hr, '/grids', 'POST', {
      ...GRID,
      id: 'bad',
      sections: [GRID.sections[0], { ...GRID.sections[1], id: 'results' }],
    });
    expect(duplicateIds.status).toBe(400);
    expect((duplicateIds.body.details as { field: string }[])[0]!.field).toBe('sections');
  });

  it('keeps the period on the version it opened on when HR adds a version', async () => {
    expect((await call(as.hr, '/grids', 'POST', GRID)).status).toBe(201);
    const period = await openPeriod(call, as.hr, { kind: 'month', start: '2026-03-01', gridId: 'conseil' });
    const { sections, teams } = GRID;
    const past = await call(as.hr, '/grids/conseil/versions', 'POST', {
      label: 'v2',
      validFrom: '2026-02-01',
      teams,
      sections,
    });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'validFrom' })]);
    const validFrom = laterDay();
    const v2 = await call(as.hr, '/grids/conseil/versions', 'POST', { label: 'Grille v2', validFrom, teams, sections });
    expect(v2.body).toMatchObject({ version: 2, validFrom, label: 'Grille v2' });
    expect(
      (await call(as.hr, '/grids/conseil/versions', 'POST', { label: 'v3', validFrom, teams, sections })).status,
    ).toBe(400);
    const grid = await call(as.hr, '/grids/conseil');
    expect((grid.body.versions as { version: number }[]).map((v) => v.version)).toEqual([1, 2]);
    expect((await call(as.hr, `/evaluations/${period.evaluations['SIP/2']}`)).body.grid).toMatchObject({ version: 1 });
    const periods = (await call(as.hr, '/evaluation-periods')).body.periods as { id: string; gridVersion: number }[];
    expect(periods).toEqual([expect.objectContaining({ id: period.id, gridVersion: 1 })]);
  });

  it('audits the grid and its version', async () => {
    const { rows } = await t.db.query<{ action: string; actor: string }>(
      `select action, actor from audit_log where target = 'conseil' order by id`,
    );
    expect(rows).toEqual([
      { action: 'eval-grid.create', actor: 'hr@test.local' },
      { action: 'eval-grid.version', actor: 'hr@test.local' },
    ]);
  });
});
