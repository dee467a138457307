import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EvaluationInputError, editEvaluation, lock, revise } from '@vigie/domain';
import type { Evaluation, EvaluationValues, Grid } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import type { Principal } from '../auth/roles.js';
import { Database, type Queryable } from '../db/database.js';
import { EvaluationAccess } from './access.js';
import type { EvaluationFilter, EvaluationRow, PeriodRow, RevisionRow } from './evaluation-rows.js';
import { EvaluationStore } from './evaluation-store.js';
import type {
  AcknowledgeBody,
  ArbitrateBody,
  DisputeBody,
  EvaluationStatus,
  PatchEvaluationBody,
  ReviseBody,
} from './evaluation.schema.js';
import { GridStore } from './grid-store.js';
import { checkValues, httpErrors, missingCriterion, scoreIfComplete } from './scoring.js';

/** `GET /evaluations/{id}`: the evaluation, its grid version and every revision, the latest last. */
export interface EvaluationDetail {
  id: string;
  periodId: string;
  agent: string;
  team: string | null;
  status: EvaluationStatus;
  grid: Grid;
  revisions: RevisionRow[];
}

export interface EvaluationSummary {
  id: string;
  periodId: string;
  agent: string;
  team: string | null;
  status: EvaluationStatus;
  revision: number;
  scoreBp: number | null;
}

/** What a workflow step sees: the locked evaluation, its period, grid and latest revision. */
interface Step {
  tx: Queryable;
  e: EvaluationRow;
  period: PeriodRow;
  grid: Grid;
  current: RevisionRow;
  actor: string;
  at: string;
}

const conflict = (e: EvaluationRow, wanted: EvaluationStatus[]) =>
  new ConflictException(`evaluation ${e.id} is ${e.status}, not ${wanted.join(' or ')}`);

/**
 * The evaluation workflow (docs/evaluation.md, "Evaluations"): draft → submitted → acknowledged or disputed →
 * validated (locked). Every step runs in one transaction with its audit entry (the evaluation before and after).
 */
@Injectable()
export class EvaluationsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EvaluationStore) private readonly store: EvaluationStore,
    @Inject(GridStore) private readonly grids: GridStore,
    @Inject(EvaluationAccess) private readonly access: EvaluationAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(p: Principal, site: string, filter: EvaluationFilter): Promise<EvaluationSummary[]> {
    const scope = await this.access.scope(p);
    this.access.assertFilter(scope, filter);
    return this.store.find(site, filter, scope);
  }

  async get(p: Principal, site: string, id: string): Promise<EvaluationDetail> {
    const e = await this.require(site, id);
    await this.access.assertRead(p, e);
    return this.detail(site, e);
  }

  /** Scores manual criteria and comments a draft (a KPI value changes by refresh, arbitration or revision). */
  patch(p: Principal, site: string, id: string, body: PatchEvaluationBody): Promise<EvaluationDetail> {
    return this.step(p, site, id, 'evaluation.patch', async (s) => {
      this.access.assertManage(p, s.e);
      editEvaluation(this.toDomain(s), body.values);
      if (s.e.status !== 'draft') {
        throw conflict(s.e, ['draft']);
      }
      checkValues(s.grid, body.values, false);
      const values = { ...s.current.values, ...body.values };
      const comments = { ...s.current.comments, ...body.comments };
      await this.store.updateRevision(s.tx, s.e.id, s.current.revision, {
        values,
        comments,
        ...scoreIfComplete(s.grid, values),
      });
    });
  }

  /** Sends a complete draft to the agent; 400 naming the first criterion without a value. */
  submit(p: Principal, site: string, id: string): Promise<EvaluationDetail> {
    return this.step(p, site, id, 'evaluation.submit', async (s) => {
      this.access.assertManage(p, s.e);
      this.expect(s.e, ['draft']);
      const missing = missingCriterion(s.grid, s.current.values);
      if (missing) {
        throw new EvaluationInputError(missing.id, `${missing.label} has no value (null for N/A where allowed)`);
      }
      await this.store.updateRevision(s.tx, s.e.id, s.current.revision, {
        ...scoreIfComplete(s.grid, s.current.values),
        submitted: { by: s.actor, at: s.at },
      });
      await this.store.setStatus(s.tx, s.e.id, 'submitted', s.current.revision);
    });
  }

  acknowledge(p: Principal, site: string, id: string, body: AcknowledgeBody): Promise<EvaluationDetail> {
    return this.answer(p, site, id, 'acknowledged', body.comment ?? null);
  }

  dispute(p: Principal, site: string, id: string, body: DisputeBody): Promise<EvaluationDetail> {
    return this.answer(p, site, id, 'disputed', body.comment);
  }

  /** HR's decision on a dispute: upheld → a new revision with HR's values, validated; rejected → the disputed one. */
  arbitrate(p: Principal, site: string, id: string, body: ArbitrateBody): Promise<EvaluationDetail> {
    return this.step(p, site, id, `evaluation.arbitrate.${body.decision}`, async (s) => {
      this.expect(s.e, ['disputed']);
      const arbitration = { decision: body.decision, by: s.actor, at: s.at, comment: body.comment };
      await this.store.updateRevision(s.tx, s.e.id, s.current.revision, { arbitration });
      if (body.decision === 'rejected') {
        lock(this.toDomain(s), this.what(s), s.actor, Date.parse(s.at));
        await this.store.updateRevision(s.tx, s.e.id, s.current.revision, { locked: { by: s.actor, at: s.at } });
        await this.store.setStatus(s.tx, s.e.id, 'validated', s.current.revision);
        return;
      }
      const next = await this.newRevision(s, body.values ?? {}, body.comment);
      await this.store.updateRevision(s.tx, s.e.id, next, { locked: { by: s.actor, at: s.at } });
      await this.store.setStatus(s.tx, s.e.id, 'validated', next);
    });
  }

  /** Locks an acknowledged evaluation: its revision is never edited again. */
  validate(p: Principal, site: string, id: string): Promise<EvaluationDetail> {
    return this.step(p, site, id, 'evaluation.validate', async (s) => {
      this.access.assertManage(p, s.e);
      this.expect(s.e, ['acknowledged']);
      lock(this.toDomain(s), this.what(s), s.actor, Date.parse(s.at));
      await this.store.updateRevision(s.tx, s.e.id, s.current.revision, { locked: { by: s.actor, at: s.at } });
      await this.store.setStatus(s.tx, s.e.id, 'validated', s.current.revision);
    });
  }

  /** HR's correction of a validated evaluation: a new draft revision superseding it (the old one stays locked). */
  revise(p: Principal, site: string, id: string, body: ReviseBody): Promise<EvaluationDetail> {
    return this.step(p, site, id, 'evaluation.revise', async (s) => {
      this.expect(s.e, ['validated']);
      const next = await this.newRevision(s, body.values, body.reason);
      await this.store.setStatus(s.tx, s.e.id, 'draft', next);
    });
  }

  private async answer(
    p: Principal,
    site: string,
    id: string,
    kind: 'acknowledged' | 'disputed',
    comment: string | null,
  ): Promise<EvaluationDetail> {
    const action = kind === 'acknowledged' ? 'evaluation.acknowledge' : 'evaluation.dispute';
    // Read before the transaction: the embedded database has one connection, which the transaction holds.
    const own = await this.access.agentOf(p);
    return this.step(p, site, id, action, async (s) => {
      this.access.assertOwnAgent(own, s.e);
      this.expect(s.e, ['submitted']);
      const agentResponse = { kind, by: s.actor, at: s.at, comment };
      await this.store.updateRevision(s.tx, s.e.id, s.current.revision, { agentResponse });
      await this.store.setStatus(s.tx, s.e.id, kind, s.current.revision);
    });
  }

  /** Writes the revision after the current one with `values` merged in (any criterion), scored; returns its number. */
  private async newRevision(s: Step, values: EvaluationValues, reason: string): Promise<number> {
    checkValues(s.grid, values, true);
    const next = revise(this.toDomain(s), { values, reason }, s.actor, Date.parse(s.at));
    await this.store.insertRevision(s.tx, s.e.id, {
      revision: next.revision,
      supersedes: next.supersedes,
      values: next.values,
      comments: s.current.comments,
      ...scoreIfComplete(s.grid, next.values),
      author: s.actor,
      reason,
    });
    return next.revision;
  }

  /** Runs one workflow step on the locked evaluation and audits it with the evaluation before and after. */
  private step(
    p: Principal,
    site: string,
    id: string,
    action: string,
    fn: (s: Step) => Promise<void>,
  ): Promise<EvaluationDetail> {
    const actor = AuditLog.actorOf(p);
    return httpErrors(() =>
      this.db.transaction(async (tx) => {
        const e = await this.store.evaluation(site, id, tx, true);
        if (!e) {
          throw new NotFoundException(`no evaluation ${id} on site ${site}`);
        }
        const before = await this.detail(site, e, tx);
        const period = (await this.store.period(site, e.periodId, tx))!;
        const current = before.revisions.at(-1)!;
        await fn({ tx, e, period, grid: before.grid, current, actor, at: new Date().toISOString() });
        const after = await this.detail(site, (await this.store.evaluation(site, id, tx))!, tx);
        await this.audit.record({ actor, action, target: id, site, before, after }, tx);
        return after;
      }),
    );
  }

  private async require(site: string, id: string): Promise<EvaluationRow> {
    const e = await this.store.evaluation(site, id);
    if (!e) {
      throw new NotFoundException(`no evaluation ${id} on site ${site}`);
    }
    return e;
  }

  private async detail(site: string, e: EvaluationRow, q: Queryable = this.db): Promise<EvaluationDetail> {
    const period = (await this.store.period(site, e.periodId, q))!;
    const version = (await this.grids.version(site, period.gridId, period.gridVersion, q))!;
    const revisions = await this.store.revisions(e.id, q);
    return {
      id: e.id,
      periodId: e.periodId,
      agent: e.agent,
      team: e.team,
      status: e.status,
      grid: version.grid,
      revisions,
    };
  }

  private expect(e: EvaluationRow, wanted: EvaluationStatus[]): void {
    if (!wanted.includes(e.status)) {
      throw conflict(e, wanted);
    }
  }

  private what(s: Step): string {
    return `evaluation ${s.e.id} r${s.current.revision}`;
  }

  /** The latest revision as the domain's `Evaluation`. */
  private toDomain(s: Step): Evaluation {
    const c = s.current;
    return {
      id: s.e.id,
      revision: c.revision,
      supersedes: c.supersedes,
      agentId: s.e.agent,
      gridId: s.grid.id,
      gridVersion: s.grid.version,
      periodStartMs: s.period.startAtMs,
      periodEndMs: s.period.endAtMs,
      values: c.values,
      author: { by: c.author, atMs: Date.parse(c.authoredAt) },
      reason: c.reason,
      locked: c.locked ? { by: c.locked.by, atMs: Date.parse(c.locked.at) } : null,
    };
  }
}
