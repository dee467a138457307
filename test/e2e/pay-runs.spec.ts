import { PAYROLL_COLUMNS } from '@vigie/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import type { Call, Headers } from '../support/evaluation.js';
import { lineOf as line, RULES, setUpPaySite, TERMS, USERS, type Answer, type Run } from '../support/pay.js';

const HR = USERS.hr;

/** The evaluations come through the evaluation API (test/support/pay.ts): SIP/1001 is paid on its 90.00. */
describe('pay runs: rules, run, review, lock, export, correction', () => {
  let t: TestDatabase;
  let app: TestApp;
  let hr: Headers;
  let call: Call<Answer>;
  let periodId: string;
  let locked: Run;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    const site = await setUpPaySite(app);
    ({ call, periodId } = site);
    hr = site.as.hr;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('sets the pay rules (404 before), refusing bad ones naming the field', async () => {
    expect((await call(hr, '/pay-rules')).status).toBe(404);
    const bad = await call(hr, '/pay-rules', 'PUT', { ...RULES, currency: 'euro' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'currency' })]);
    const overlapping = { ...RULES, individual: { tiers: [RULES.individual.tiers[1], RULES.individual.tiers[0]] } };
    const unsorted = await call(hr, '/pay-rules', 'PUT', overlapping);
    expect(unsorted.status).toBe(400);
    expect(unsorted.body.details).toEqual([expect.objectContaining({ field: 'individual.tiers.1.from' })]);
    const twice = await call(hr, '/pay-rules', 'PUT', {
      ...RULES,
      challenges: [...RULES.challenges, ...RULES.challenges],
    });
    expect(twice.body.details).toEqual([expect.objectContaining({ field: 'challenges' })]);
    expect(await call(hr, '/pay-rules', 'PUT', RULES)).toMatchObject({ status: 200, body: RULES });
    expect((await call(hr, '/pay-rules')).body).toEqual(RULES);
  });

  it('refuses bad terms naming the field', async () => {
    const unknown = await call(hr, '/pay-runs', 'POST', { periodId, terms: { 'SIP/1001': { challengesWon: ['x'] } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'terms.SIP/1001.challengesWon.0' })]);
    const nobody = await call(hr, '/pay-runs', 'POST', { periodId, terms: { 'SIP/1004': { partTimeBp: 5000 } } });
    expect(nobody.body.details).toEqual([expect.objectContaining({ field: 'terms.SIP/1004' })]);
    const part = await call(hr, '/pay-runs', 'POST', { periodId, terms: { 'SIP/1002': { partTimeBp: 0 } } });
    expect(part.body.details).toEqual([expect.objectContaining({ field: 'terms.SIP/1002.partTimeBp' })]);
  });

  it('computes a run to the cent, with its explanations', async () => {
    const created = await call(hr, '/pay-runs', 'POST', {
      periodId,
      // SIP/1002: 60 % part-time, three scheduled days, all worked.
      terms: TERMS,
    });
    expect(created.status).toBe(201);
    const run = created.body as Run;
    expect(run).toMatchObject({ status: 'draft', currency: 'EUR', supersedes: null, periodId, totalCents: 75_445 });
    const figures = run.lines.map((l) => [
      l.agentId,
      l.name,
      l.teamId,
      l.individualCents,
      l.collectiveCents,
      l.challengeCents,
      l.capCents,
      l.prorationBp,
      l.totalCents,
    ]);
    expect(figures).toEqual([
      // 20000 × 5/5; pool 10000 × 5/12 = 4166.67 → 4166 + the cent left (largest remainder); prize 5000.
      ['SIP/1001', 'Zoé Ünal', 'A', 20_000, 4167, 5000, 0, 10_000, 29_167],
      // 10001 × 0.6 × 3/3 = 6000.6 → 6001; pool 10000 × 3/12 = 2500.
      ['SIP/1002', 'Léa Martin', 'A', 6001, 2500, 0, 0, 6000, 8501],
      // 5555 × 4/5 (one weekday without a login; the Saturday is not scheduled) = 4444; 10000 × 4/12 → 3333.
      ['SIP/1003', 'Omar Haddad', 'A', 4444, 3333, 0, 0, 8000, 7777],
      // 20000 + team B's pool (SL 1 → 20000, alone) = 40000, capped at 30000.
      ['SIP/2001', '@Bruno', 'B', 20_000, 20_000, 0, -10_000, 10_000, 30_000],
    ]);
    expect(run.terms).toEqual({
      'SIP/1001': { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: ['nps'] },
      'SIP/1002': { partTimeBp: 6000, scheduledDays: 3, absenceDays: 0, challengesWon: [] },
      'SIP/1003': { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 1, challengesWon: [] },
      'SIP/2001': { partTimeBp: 10_000, scheduledDays: 5, absenceDays: 0, challengesWon: [] },
    });
    const a1 = line(run, 'SIP/1001').explanations;
    expect(a1.map((e) => [e.rule, e.ruleId, e.figure, e.tier, e.amountCents])).toEqual([
      ['individual', null, { name: 'scoreBp', value: 9000 }, 2, 20_000],
      ['collective', 'sl', { name: 'serviceLevel', value: 0.75 }, 0, 4167],
      ['challenge', 'nps', null, null, 5000],
    ]);
    expect(a1[1]!.detail).toBe(
      'Niveau de service: team A serviceLevel 0.75 → tier 1, pool 100.00 EUR; 5/12 presence days → 41.67 EUR',
    );
    // The same as language-neutral params, stored with the run (jsonb) and sent as they are.
    expect(a1.map((e) => e.params)).toEqual([
      { scoreBp: 9000, tierCents: 20_000, partTimeBp: 10_000, days: 5, scheduledDays: 5 },
      {
        label: 'Niveau de service',
        team: 'A',
        figure: 'serviceLevel',
        value: 0.75,
        poolCents: 10_000,
        presenceDays: 5,
        teamDays: 12,
      },
      { label: 'Meilleur NPS', prizeCents: 5000 },
    ]);
    expect(line(run, 'SIP/2001').explanations.at(-1)?.params).toEqual({ capCents: 30_000 });
    expect(line(run, 'SIP/1002').explanations[0]!.detail).toBe(
      'score 75.00/100 → tier 2 → 100.01 EUR × 6000/10000 part-time × 3/3 days = 60.01 EUR',
    );
    expect(line(run, 'SIP/2001').explanations.at(-1)).toMatchObject({ rule: 'agentCap', amountCents: -10_000 });

    const listed = await call(hr, '/pay-runs');
    expect(listed.body).toEqual({
      runs: [{ id: run.id, periodId, status: 'draft', totalCents: 75_445, currency: 'EUR', supersedes: null }],
    });
    expect((await call(hr, `/pay-runs/${run.id}`)).body).toEqual(run);
    locked = run;
  });

  it('adjusts a line, locks the run, then refuses any change with 409', async () => {
    const id = locked.id;
    const negative = await call(hr, `/pay-runs/${id}/adjustments`, 'POST', {
      agent: 'SIP/1003',
      cents: -8000,
      reason: 'trop',
    });
    expect(negative.status).toBe(400);
    expect(negative.body.details).toEqual([expect.objectContaining({ field: 'cents' })]);
    const stranger = await call(hr, `/pay-runs/${id}/adjustments`, 'POST', { agent: 'X', cents: 1, reason: 'x' });
    expect(stranger.body.details).toEqual([expect.objectContaining({ field: 'agent' })]);

    const adjusted = await call(hr, `/pay-runs/${id}/adjustments`, 'POST', {
      agent: 'SIP/1003',
      cents: 1234,
      reason: 'prime exceptionnelle',
    });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.totalCents).toBe(76_679);
    const omar = line(adjusted.body as Run, 'SIP/1003');
    expect([omar.adjustmentCents, omar.totalCents]).toEqual([1234, 9011]);
    expect(omar.explanations.at(-1)).toMatchObject({
      rule: 'adjustment',
      amountCents: 1234,
      detail: 'adjusted by rh@test.local: prime exceptionnelle',
      params: { by: 'rh@test.local', reason: 'prime exceptionnelle' },
    });

    const lockedRun = await call(hr, `/pay-runs/${id}/lock`, 'POST');
    expect(lockedRun).toMatchObject({ status: 200, body: { status: 'locked', lockedBy: HR.email } });
    const late = await call(hr, `/pay-runs/${id}/adjustments`, 'POST', { agent: 'SIP/1003', cents: 1, reason: 'x' });
    expect(late.status).toBe(409);
    expect((await call(hr, `/pay-runs/${id}/lock`, 'POST')).status).toBe(409);
    locked = lockedRun.body as Run;
  });

  it('exports the locked run as the payroll CSV (a draft answers 409)', async () => {
    const response = await call(hr, `/pay-runs/${locked.id}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const raw = await (
      await fetch(`${app.url}/api/v1/sites/pay/pay-runs/${locked.id}/export.csv`, { headers: hr })
    )
      .arrayBuffer()
      .then((b) => Buffer.from(b));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const rows: string[][] = parse(raw, { bom: true });
    expect(rows[0]).toEqual([...PAYROLL_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['SIP/1001', 'Zoé Ünal', periodId, 'EUR', '20000', '4167', '5000', '0', '0', '1.0000', '29167', '291.67 EUR'],
      ['SIP/1002', 'Léa Martin', periodId, 'EUR', '6001', '2500', '0', '0', '0', '0.6000', '8501', '85.01 EUR'],
      ['SIP/1003', 'Omar Haddad', periodId, 'EUR', '4444', '3333', '0', '0', '1234', '0.8000', '9011', '90.11 EUR'],
      ['SIP/2001', "'@Bruno", periodId, 'EUR', '20000', '20000', '0', '-10000', '0', '1.0000', '30000', '300.00 EUR'],
    ]);
  });

  it('corrects a locked run with a new run, leaving the locked one as it was', async () => {
    const draftOnly = await call(hr, '/pay-runs', 'POST', {
      periodId,
      supersedes: '00000000-0000-4000-8000-000000000000',
    });
    expect(draftOnly.status).toBe(400);
    expect(draftOnly.body.details).toEqual([expect.objectContaining({ field: 'supersedes' })]);

    // The rules now cap the period at 600.00: every line is scaled by 60000/75445, cents to the largest remainders.
    expect(
      (await call(hr, '/pay-rules', 'PUT', { ...RULES, caps: { perAgentCents: 30_000, perPeriodCents: 60_000 } }))
        .status,
    ).toBe(200);
    const correction = await call(hr, '/pay-runs', 'POST', {
      periodId,
      supersedes: locked.id,
      terms: TERMS,
    });
    expect(correction.status).toBe(201);
    const run = correction.body as Run;
    expect(run).toMatchObject({ status: 'draft', supersedes: locked.id, totalCents: 60_000 });
    expect(run.lines.map((l) => [l.agentId, l.capCents, l.totalCents])).toEqual([
      ['SIP/1001', -5971, 23_196],
      ['SIP/1002', -1740, 6761],
      ['SIP/1003', -1592, 6185],
      ['SIP/2001', -16_142, 23_858],
    ]);
    expect(line(run, 'SIP/2001').explanations.at(-1)).toMatchObject({ rule: 'periodCap', amountCents: -6142 });

    const again = (await call(hr, `/pay-runs/${locked.id}`)).body as Run;
    expect({ ...again, supersededBy: [] }).toEqual({ ...locked, supersededBy: [] });
    expect(again.supersededBy).toEqual([run.id]);
    const notLocked = await call(hr, '/pay-runs', 'POST', { periodId, supersedes: run.id });
    expect(notLocked.status).toBe(400);
    expect((await call(hr, `/pay-runs/${run.id}/export.csv`)).status).toBe(409);
    // The database refuses to touch a locked run, whoever asks.
    await expect(t.db.query(`update pay_runs set total_cents = 0 where id = $1`, [locked.id])).rejects.toThrow(
      /locked/,
    );
  });

  it('audits every change with its before and after', async () => {
    const { rows } = await t.db.query<{ action: string; actor: string; before: unknown; after: unknown }>(
      `select action, actor, before, after from audit_log where site = 'pay' and action like 'pay%' order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'pay-rules.put',
      'pay-run.create',
      'pay-run.adjust',
      'pay-run.lock',
      'pay-rules.put',
      'pay-run.create',
    ]);
    expect(rows.every((r) => r.actor === HR.email)).toBe(true);
    expect(rows[0]).toMatchObject({ before: null, after: RULES });
    expect(rows[2]).toMatchObject({
      before: { agentId: 'SIP/1003', totalCents: 7777 },
      after: { agent: 'SIP/1003', cents: 1234, line: { totalCents: 9011 } },
    });
    expect(rows[3]).toMatchObject({ before: { status: 'draft' }, after: { status: 'locked', totalCents: 76_679 } });
    expect(rows[4]!.before).toEqual(RULES);
  });
});
