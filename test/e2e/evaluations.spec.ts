import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  addUser,
  caller,
  eventBuilder,
  GRID,
  reviseEvaluation,
  setUpEvaluationSite,
  validateEvaluation,
  type Call,
  type Headers,
  type Who,
} from '../support/evaluation.js';

interface Revision {
  revision: number;
  supersedes: number | null;
  values: Record<string, number | null>;
  scoreBp: number | null;
  score: { criteria: { criterionId: string; explanation: string }[] } | null;
  reason: string | null;
  author: string;
  agentResponse: { kind: string; comment: string | null } | null;
  arbitration: { decision: string; comment: string } | null;
  locked: { by: string; at: string } | null;
}

describe('evaluation API: grids, periods, evaluations', () => {
  let t: TestDatabase;
  let app: TestApp;
  let as: Record<Who, Headers>;
  let call: Call;
  let periodId: string;
  const ids = { a: '', b: '' };
  const revisions = async (id: string) => (await call(as.hr, `/evaluations/${id}`)).body.revisions as Revision[];

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

  it('creates a grid, and refuses a second grid with the same id (test/e2e/evaluation-grids.spec.ts: bad ones)', async () => {
    const created = await call(as.hr, '/grids', 'POST', GRID);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'conseil',
      label: 'Grille conseiller',
      version: 1,
      validFrom: '2026-01-01',
    });
    // 2026-01-01 00:00 in Paris (UTC+1).
    expect(created.body.grid).toMatchObject({ id: 'conseil', version: 1, validFrom: Date.UTC(2025, 11, 31, 23) });
    expect((await call(as.hr, '/grids', 'POST', GRID)).status).toBe(409);
  });

  it('opens a monthly period with one draft per agent seen, KPI values pre-filled; twice is a 409', async () => {
    const body = { kind: 'month', start: '2026-03-01', gridId: 'conseil' };
    const opened = await call(as.hr, '/evaluation-periods', 'POST', body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      kind: 'month',
      start: '2026-03-01',
      end: '2026-03-31',
      gridId: 'conseil',
      gridVersion: 1,
      evaluations: 2,
    });
    periodId = String(opened.body.id);
    expect((await call(as.hr, '/evaluation-periods', 'POST', body)).status).toBe(409);
    expect((await call(as.hr, '/evaluation-periods', 'POST', { ...body, gridId: 'nope' })).status).toBe(404);
    expect(((await call(as.supX, '/evaluation-periods')).body.periods as unknown[]).length).toBe(1);

    const list = await call(as.hr, `/evaluations?period=${periodId}`);
    const evaluations = list.body.evaluations as {
      id: string;
      agent: string;
      team: string;
      status: string;
      revision: number;
      scoreBp: number | null;
    }[];
    // SIP/3 (team Z) is left out: the grid applies to X and Y.
    expect(evaluations.map((e) => [e.agent, e.team, e.status, e.revision, e.scoreBp])).toEqual([
      ['SIP/1', 'X', 'draft', 1, null],
      ['SIP/2', 'Y', 'draft', 1, null],
    ]);
    ids.a = evaluations[0]!.id;
    ids.b = evaluations[1]!.id;
    // SIP/1: 3 answered of 4 offered (one ring not answered) = 0.75; (210 + 240 + 180) / 3 = 210 s; CSAT (5 + 4) / 2.
    // SIP/2: 2 of 2 = 1; (360 + 240) / 2 = 300 s; no survey: N/A. Manual criteria absent.
    expect((await revisions(ids.a))[0]!.values).toEqual({ qs: 0.75, aht: 210, csat: 4.5 });
    expect((await revisions(ids.b))[0]!.values).toEqual({ qs: 1, aht: 300, csat: null });

    const refreshed = await call(as.hr, `/evaluation-periods/${periodId}/refresh`, 'POST');
    expect(refreshed.body).toMatchObject({ evaluations: 2, refreshed: 0, added: 0 });
  });

  it('lets the supervisor score and submit, the agent acknowledge and HR validate', async () => {
    const kpi = await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', { values: { qs: 1 } });
    expect(kpi.status).toBe(400);
    expect(kpi.body.details).toEqual([expect.objectContaining({ field: 'values.qs' })]);
    const offScale = await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', { values: { instructions: 7 } });
    expect(offScale.status).toBe(400);
    expect(offScale.body.message).toContain('instructions');

    const partial = await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', { values: { instructions: 4 } });
    expect(partial.status).toBe(200);
    const early = await call(as.supX, `/evaluations/${ids.a}/submit`, 'POST');
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'values.punctuality' })]);

    const scored = await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', {
      values: { punctuality: 1, confidentiality: 1 },
      comments: { '': 'Bon mois', instructions: 'Script respecté' },
    });
    // Results: QS 0.75 → 2/4 × 2, AHT 210 → 4/4, CSAT 4.5 → 2/2: (1 + 1 + 1) / 4 = 3/4.
    // Behaviour: instructions 4 → 3/4, yes, yes: (3/4 + 1 + 1) / 3 = 11/12. Grid (45 + 36.666…) / 100 → 8167.
    const [draft] = scored.body.revisions as Revision[];
    expect(draft).toMatchObject({ scoreBp: 8167, comments: { '': 'Bon mois', instructions: 'Script respecté' } });
    expect(draft!.score!.criteria[0]!.explanation).toBe(
      'Qualité de service: 0.75 (target 0.85) → tier 2 [0.7, 0.8) → 2/4 points × weight 2',
    );
    expect(draft!.score!.criteria[0]).toMatchObject({
      value: 0.75,
      tier: 1,
      range: { from: 0.7, to: 0.8 },
      target: 0.85,
      na: null,
    });
    const submitted = await call(as.supX, `/evaluations/${ids.a}/submit`, 'POST');
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect((await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', { values: { instructions: 5 } })).status).toBe(409);

    const acknowledged = await call(as.agentA, `/evaluations/${ids.a}/acknowledge`, 'POST', { comment: 'OK' });
    expect(acknowledged).toMatchObject({ status: 200, body: { status: 'acknowledged' } });
    expect((acknowledged.body.revisions as Revision[])[0]!.agentResponse).toMatchObject({
      kind: 'acknowledged',
      comment: 'OK',
    });
    const validated = await call(as.hr, `/evaluations/${ids.a}/validate`, 'POST');
    expect(validated.body).toMatchObject({ status: 'validated' });
    expect((validated.body.revisions as Revision[])[0]!.locked).toMatchObject({ by: 'hr@test.local' });
  });

  it('takes a dispute to HR, who upholds it with new values: a new validated revision, the old one kept', async () => {
    await call(as.supY, `/evaluations/${ids.b}`, 'PATCH', {
      values: { instructions: 3, punctuality: 0, confidentiality: 1 },
    });
    // Results: QS 1 → 4/4 × 2, AHT 300 → 1/4, CSAT N/A: (2 + 0.25) / 3 = 3/4. Behaviour (2/4 + 0 + 1) / 3 = 1/2.
    // Grid (45 + 20) / 100 → 6500.
    expect((await call(as.supY, `/evaluations/${ids.b}/submit`, 'POST')).body).toMatchObject({ status: 'submitted' });
    expect((await revisions(ids.b))[0]!.scoreBp).toBe(6500);
    expect((await call(as.agentB, `/evaluations/${ids.b}/dispute`, 'POST', {})).status).toBe(400);
    const disputed = await call(as.agentB, `/evaluations/${ids.b}/dispute`, 'POST', {
      comment: 'Retards dus à la grève',
    });
    expect(disputed.body).toMatchObject({ status: 'disputed' });
    expect((await call(as.agentB, `/evaluations/${ids.b}/acknowledge`, 'POST', {})).status).toBe(409);

    const comment = 'Grève des transports : justificatifs fournis';
    const upheld = await call(as.hr, `/evaluations/${ids.b}/arbitrate`, 'POST', {
      decision: 'upheld',
      values: { punctuality: 1 },
      comment,
    });
    expect(upheld.body).toMatchObject({ status: 'validated' });
    // Behaviour (2/4 + 1 + 1) / 3 = 5/6; grid (45 + 33.333…) / 100 = 0.78333… → 7833.
    const [first, second] = upheld.body.revisions as Revision[];
    expect(first).toMatchObject({
      revision: 1,
      scoreBp: 6500,
      values: { punctuality: 0 },
      locked: null,
      agentResponse: { kind: 'disputed', comment: 'Retards dus à la grève' },
      arbitration: { decision: 'upheld', comment },
    });
    expect(second).toMatchObject({
      revision: 2,
      supersedes: 1,
      scoreBp: 7833,
      reason: comment,
      author: 'hr@test.local',
      values: { qs: 1, aht: 300, csat: null, instructions: 3, punctuality: 1, confidentiality: 1 },
      locked: { by: 'hr@test.local' },
    });
    const listed = await call(as.hr, `/evaluations?agent=SIP/2`);
    expect(listed.body.evaluations).toEqual([
      expect.objectContaining({ status: 'validated', revision: 2, scoreBp: 7833 }),
    ]);
  });

  it('answers 409 to a change of a validated evaluation; HR revises it with a new revision', async () => {
    const patched = await call(as.supX, `/evaluations/${ids.a}`, 'PATCH', { values: { instructions: 5 } });
    expect(patched.status).toBe(409);
    expect((await call(as.hr, `/evaluations/${ids.a}/validate`, 'POST')).status).toBe(409);
    const revised = await reviseEvaluation(
      call,
      as.hr,
      ids.a,
      { confidentiality: 0 },
      'Fuite de données constatée après coup',
    );
    const [old, next] = revised.revisions as Revision[];
    expect(old).toMatchObject({ revision: 1, scoreBp: 8167, locked: { by: 'hr@test.local' } });
    // Confidentiality no: eliminatory for the grid → 0.
    expect(next).toMatchObject({
      revision: 2,
      supersedes: 1,
      scoreBp: 0,
      locked: null,
      reason: 'Fuite de données constatée après coup',
    });
    await validateEvaluation(call, ids.a, { manager: as.supX, agent: as.agentA, validator: as.supX });
    const final = await revisions(ids.a);
    expect(final.map((r) => [r.revision, r.scoreBp, r.locked !== null])).toEqual([
      [1, 8167, true],
      [2, 0, true],
    ]);
  });

  it('serves the history of an agent and of a team', async () => {
    const agent = await call(as.agentB, '/evaluation-history?agent=SIP/2');
    expect(agent.body.periods).toEqual([
      {
        periodId,
        start: '2026-03-01',
        scoreBp: 7833,
        criteria: { aht: 300, confidentiality: 1, csat: null, instructions: 3, punctuality: 1, qs: 1 },
        agents: 1,
      },
    ]);
    const team = await call(as.supX, '/evaluation-history?team=X');
    expect(team.body.periods).toEqual([expect.objectContaining({ periodId, scoreBp: 0, agents: 1 })]);
    expect((await call(as.hr, '/evaluation-history')).status).toBe(400);
  });

  it('audits every change with the state before and after', async () => {
    const { rows } = await t.db.query<{ action: string; before: unknown; after: unknown }>(
      `select action, before, after from audit_log where site = 'ev' and target = $1 order by id`,
      [ids.b],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'evaluation.create',
      'evaluation.patch',
      'evaluation.submit',
      'evaluation.dispute',
      'evaluation.arbitrate.upheld',
    ]);
    const arbitration = rows.at(-1)!;
    expect(arbitration.before).toMatchObject({ status: 'disputed', revisions: [{ revision: 1 }] });
    expect(arbitration.after).toMatchObject({
      status: 'validated',
      revisions: [{ revision: 1 }, { revision: 2, scoreBp: 7833 }],
    });
    const grids = await t.db.query<{ action: string }>(
      `select action from audit_log where target = 'conseil' order by id`,
    );
    expect(grids.rows.map((r) => r.action)).toEqual(['eval-grid.create']);
    const periods = await t.db.query<{ after: unknown }>(
      `select after from audit_log where action = 'eval-period.open'`,
    );
    expect(periods.rows).toHaveLength(1);
    expect(periods.rows[0]!.after).toMatchObject({ id: periodId, evaluations: 2 });
  });
  it('refreshes the KPI values of first drafts only, adding the agents seen since', async () => {
    const log = eventBuilder('r');
    const day = (d: string, contactId: string, talkSec: number, wrapupSec: number) => [
      log.login('SIP/4', d, '08:00', 'Dora', 'Y'),
      ...log.call('SIP/4', contactId, d, '08:10', talkSec, wrapupSec),
      log.logout('SIP/4', d, '09:00'),
    ];
    // A call for SIP/2, whose evaluation is validated: left as it is.
    const late = [
      log.login('SIP/2', '2026-03-19', '08:00', 'Bruno', 'Y'),
      ...log.missed('SIP/2', 'r0', '2026-03-19', '08:10'),
      log.logout('SIP/2', '2026-03-19', '09:00'),
    ];
    expect(
      (await call(as.admin, '/events', 'POST', [...late, ...day('2026-03-20', 'r1', 100, 20)])).body,
    ).toMatchObject({
      rejected: [],
    });
    const first = await call(as.hr, `/evaluation-periods/${periodId}/refresh`, 'POST');
    expect(first.body).toMatchObject({ evaluations: 3, refreshed: 0, added: 1 });
    const listed = (await call(as.hr, '/evaluations?agent=SIP/4')).body.evaluations as { id: string }[];
    expect((await revisions(listed[0]!.id))[0]!.values).toEqual({ qs: 1, aht: 120, csat: null });

    expect((await call(as.admin, '/events', 'POST', day('2026-03-21', 'r2', 200, 40))).body).toMatchObject({
      rejected: [],
    });
    const second = await call(as.hr, `/evaluation-periods/${periodId}/refresh`, 'POST');
    expect(second.body).toMatchObject({ evaluations: 3, refreshed: 1, added: 0 });
    // (120 + 240) / 2 = 180 s.
    expect((await revisions(listed[0]!.id))[0]!.values).toEqual({ qs: 1, aht: 180, csat: null });
    expect((await revisions(ids.b)).map((r) => r.values.qs)).toEqual([1, 1]);
  });
  it('validates the disputed revision when HR rejects the dispute', async () => {
    const dora = { email: 'dora@test.local', password: 'agent-password-1', roles: ['agent'], agent: 'SIP/4' };
    const asDora = await addUser(app, as.admin, dora);
    const [mine] = (await call(asDora, '/evaluations')).body.evaluations as { id: string; agent: string }[];
    expect(mine).toMatchObject({ agent: 'SIP/4' });
    const id = mine!.id;
    await call(as.supY, `/evaluations/${id}`, 'PATCH', {
      values: { instructions: 5, punctuality: 1, confidentiality: 1 },
    });
    expect((await call(as.supY, `/evaluations/${id}/submit`, 'POST')).body).toMatchObject({ status: 'submitted' });
    expect((await call(asDora, `/evaluations/${id}/dispute`, 'POST', { comment: 'Je conteste' })).status).toBe(200);
    const withValues = await call(as.hr, `/evaluations/${id}/arbitrate`, 'POST', {
      decision: 'rejected',
      values: { punctuality: 0 },
      comment: 'non',
    });
    expect(withValues.status).toBe(400);
    const rejected = await call(as.hr, `/evaluations/${id}/arbitrate`, 'POST', {
      decision: 'rejected',
      comment: 'Note maintenue',
    });
    // Results: QS 1 → 4/4 × 2, AHT 180 → 4/4, CSAT N/A; behaviour 5 → 4/4, yes, yes: everything at the top → 10000.
    expect(rejected.body).toMatchObject({ status: 'validated' });
    expect(rejected.body.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        scoreBp: 10_000,
        arbitration: expect.objectContaining({ decision: 'rejected', comment: 'Note maintenue' }) as unknown,
        locked: expect.objectContaining({ by: 'hr@test.local' }) as unknown,
      }),
    ]);
  });
});
