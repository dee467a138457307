import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { EvaluationValues } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';
import {
  EVALUATION_COLUMNS,
  PERIOD_COLUMNS,
  SCOPE_SQL,
  scopeParams,
  toEvaluation,
  toPeriod,
  toRevision,
  type EvaluationFilter,
  type EvaluationRow,
  type EvaluationSql,
  type PeriodRow,
  type PeriodSql,
  type RevisionChange,
  type RevisionRow,
  type RevisionSql,
  type Scope,
} from './evaluation-rows.js';
import type { EvaluationStatus } from './evaluation.schema.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Periods, evaluations and their revisions in SQL; writes take the caller's transaction. */
@Injectable()
export class EvaluationStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  async insertPeriod(
    q: Queryable,
    site: string,
    p: Omit<PeriodRow, 'id' | 'openedAt' | 'evaluations'>,
  ): Promise<PeriodRow> {
    try {
      const { rows } = await q.query<{ id: string }>(
        `insert into eval_periods (site, kind, start_day, end_day, start_at, end_at, grid_id, grid_version, opened_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [site, p.kind, p.start, p.end, new Date(p.startAtMs), new Date(p.endAtMs), p.gridId, p.gridVersion, p.openedBy],
      );
      return (await this.period(site, rows[0]!.id, q))!;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(`a ${p.kind} period of grid ${p.gridId} starting ${p.start} is already open`);
      }
      throw error;
    }
  }

  async period(site: string, id: string, q: Queryable = this.db): Promise<PeriodRow | null> {
    const { rows } = await q.query<PeriodSql>(
      `select ${PERIOD_COLUMNS} from eval_periods p where p.site = $1 and p.id = $2`,
      [site, id],
    );
    return rows[0] ? toPeriod(rows[0]) : null;
  }

  async periods(site: string): Promise<PeriodRow[]> {
    const { rows } = await this.db.query<PeriodSql>(
      `select ${PERIOD_COLUMNS} from eval_periods p where p.site = $1 order by p.start_day desc, p.grid_id, p.kind`,
      [site],
    );
    return rows.map(toPeriod);
  }

  /** A new evaluation with its first revision. */
  async insertEvaluation(
    q: Queryable,
    site: string,
    e: { periodId: string; agent: string; team: string | null },
    first: Pick<RevisionRow, 'values' | 'score' | 'scoreBp' | 'author'>,
  ): Promise<EvaluationRow> {
    const { rows } = await q.query<EvaluationSql>(
      `insert into evaluations (site, period_id, agent, team) values ($1, $2, $3, $4)
       returning id, period_id, agent, team, status, current_revision`,
      [site, e.periodId, e.agent, e.team],
    );
    const created = toEvaluation(rows[0]!);
    await this.insertRevision(q, created.id, { revision: 1, supersedes: null, reason: null, ...first });
    return created;
  }

  /** One evaluation; `lock` takes a row lock until the transaction ends. */
  async evaluation(site: string, id: string, q: Queryable = this.db, lock = false): Promise<EvaluationRow | null> {
    const { rows } = await q.query<EvaluationSql>(
      `select ${EVALUATION_COLUMNS} from evaluations e where e.site = $1 and e.id = $2${lock ? ' for update' : ''}`,
      [site, id],
    );
    return rows[0] ? toEvaluation(rows[0]) : null;
  }

  /** Every revision of an evaluation, oldest first. */
  async revisions(evaluationId: string, q: Queryable = this.db): Promise<RevisionRow[]> {
    const { rows } = await q.query<RevisionSql>(
      `select * from evaluation_revisions where evaluation_id = $1 order by revision`,
      [evaluationId],
    );
    return rows.map(toRevision);
  }

  /** Evaluations matching `filter` that `scope` may see, with the score of their latest revision. */
  async find(
    site: string,
    filter: EvaluationFilter,
    scope: Scope,
  ): Promise<(EvaluationRow & { scoreBp: number | null })[]> {
    const { rows } = await this.db.query<EvaluationSql & { score_bp: number | null }>(
      `select ${EVALUATION_COLUMNS}, r.score_bp from evaluations e
         join evaluation_revisions r on r.evaluation_id = e.id and r.revision = e.current_revision
         join eval_periods p on p.id = e.period_id
        where e.site = $1 and ($2::uuid is null or e.period_id = $2) and ($3::text is null or e.agent = $3)
          and ($4::text is null or e.team = $4) and ($5::text is null or e.status = $5) and ${SCOPE_SQL(6)}
        order by p.start_day desc, e.agent`,
      [
        site,
        filter.period ?? null,
        filter.agent ?? null,
        filter.team ?? null,
        filter.status ?? null,
        ...scopeParams(scope),
      ],
    );
    return rows.map((r) => ({ ...toEvaluation(r), scoreBp: r.score_bp }));
  }

  /** The evaluations of a period with the status and values of their latest revision. */
  async ofPeriod(periodId: string, q: Queryable): Promise<(EvaluationRow & { values: EvaluationValues })[]> {
    const { rows } = await q.query<EvaluationSql & { values: EvaluationValues }>(
      `select ${EVALUATION_COLUMNS}, r.values from evaluations e
         join evaluation_revisions r on r.evaluation_id = e.id and r.revision = e.current_revision
        where e.period_id = $1 order by e.agent for update of e`,
      [periodId],
    );
    return rows.map((r) => ({ ...toEvaluation(r), values: r.values }));
  }

  async setStatus(q: Queryable, id: string, status: EvaluationStatus, revision: number): Promise<void> {
    await q.query(`update evaluations set status = $2, current_revision = $3, updated_at = now() where id = $1`, [
      id,
      status,
      revision,
    ]);
  }

  async insertRevision(
    q: Queryable,
    evaluationId: string,
    r: Pick<RevisionRow, 'revision' | 'supersedes' | 'values' | 'score' | 'scoreBp' | 'author' | 'reason'> &
      Partial<Pick<RevisionRow, 'comments'>>,
  ): Promise<void> {
    await q.query(
      `insert into evaluation_revisions (evaluation_id, revision, supersedes, values, comments, score, score_bp, author,
         reason) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        evaluationId,
        r.revision,
        r.supersedes,
        JSON.stringify(r.values),
        JSON.stringify(r.comments ?? {}),
        r.score === null ? null : JSON.stringify(r.score),
        r.scoreBp,
        r.author,
        r.reason,
      ],
    );
  }

  /** Moves the workflow columns of a revision (and its values while it is a draft). */
  async updateRevision(q: Queryable, evaluationId: string, revision: number, c: RevisionChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [evaluationId, revision];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
    if (c.values !== undefined) {
      set('values', json(c.values));
    }
    if (c.comments !== undefined) {
      set('comments', json(c.comments));
    }
    if (c.score !== undefined) {
      set('score', json(c.score));
    }
    if (c.scoreBp !== undefined) {
      set('score_bp', c.scoreBp);
    }
    if (c.submitted) {
      set('submitted_by', c.submitted.by);
      set('submitted_at', new Date(c.submitted.at));
    }
    if (c.agentResponse) {
      set('agent_response', json(c.agentResponse));
    }
    if (c.arbitration) {
      set('arbitration', json(c.arbitration));
    }
    if (c.locked) {
      set('locked_by', c.locked.by);
      set('locked_at', new Date(c.locked.at));
    }
    if (sets.length > 0) {
      await q.query(
        `update evaluation_revisions set ${sets.join(', ')} where evaluation_id = $1 and revision = $2`,
        params,
      );
    }
  }

  /** The agent id stored on a user row, or null. */
  async agentOfUser(userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ agent: string | null }>(`select agent from users where id = $1`, [userId]);
    return rows[0]?.agent ?? null;
  }

  /** The teams an agent has been evaluated in. */
  async teamsOfAgent(site: string, agent: string): Promise<string[]> {
    const { rows } = await this.db.query<{ team: string }>(
      `select distinct team from evaluations where site = $1 and agent = $2 and team is not null`,
      [site, agent],
    );
    return rows.map((r) => r.team);
  }

  /**
   * For history: each evaluation of an agent or a team that `scope` may see, with its period and the values and
   * score of its latest validated revision, else its latest one.
   */
  async history(
    site: string,
    who: { agent?: string | undefined; team?: string | undefined },
    scope: Scope,
  ): Promise<{ periodId: string; start: string; agent: string; scoreBp: number | null; values: EvaluationValues }[]> {
    const { rows } = await this.db.query<{
      period_id: string;
      start: string;
      agent: string;
      score_bp: number | null;
      values: EvaluationValues;
    }>(
      `select e.period_id, to_char(p.start_day, 'YYYY-MM-DD') as start, e.agent, r.score_bp, r.values
         from evaluations e
         join eval_periods p on p.id = e.period_id
         join lateral (
           select score_bp, values from evaluation_revisions x where x.evaluation_id = e.id
            order by (x.locked_at is not null) desc, x.revision desc limit 1
         ) r on true
        where e.site = $1 and ($2::text is null or e.agent = $2) and ($3::text is null or e.team = $3)
          and ${SCOPE_SQL(4)}
        order by p.start_day, p.id, e.agent`,
      [site, who.agent ?? null, who.team ?? null, ...scopeParams(scope)],
    );
    return rows.map((r) => ({
      periodId: r.period_id,
      start: r.start,
      agent: r.agent,
      scoreBp: r.score_bp,
      values: r.values,
    }));
  }
}
