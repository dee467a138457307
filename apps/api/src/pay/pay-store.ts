import { Inject, Injectable } from '@nestjs/common';
import type { PayLine, PayRun } from '@vigie/domain';
import { PayRules, type PayPeriod } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';
import type { AgentTerms } from './pay.schema.js';

export type PayRunStatus = 'draft' | 'locked';

/** A pay run as the API shows it. */
export interface PayRunView {
  id: string;
  site: string;
  periodId: string;
  status: PayRunStatus;
  currency: string;
  totalCents: number;
  supersedes: string | null;
  /** Later runs correcting this one. */
  supersededBy: string[];
  period: PayPeriod;
  rules: PayRules;
  terms: Record<string, Required<AgentTerms>>;
  lines: PayLine[];
  createdBy: string;
  createdAt: string;
  lockedBy: string | null;
  lockedAt: string | null;
}

export type PayRunSummary = Pick<PayRunView, 'id' | 'periodId' | 'status' | 'totalCents' | 'currency' | 'supersedes'>;

/** An evaluation period's bounds: inclusive local business days, and their instants. */
export interface PeriodRow {
  id: string;
  site: string;
  startDay: string;
  endDay: string;
  startMs: number;
  endMs: number;
}

/** The latest validated (locked) revision of one agent's evaluation in a period. */
export interface ValidatedEvaluation {
  agent: string;
  team: string | null;
  scoreBp: number | null;
}

interface RunRow {
  id: string;
  site: string;
  period_id: string;
  supersedes: string | null;
  superseded_by: string[];
  rules: PayRules;
  terms: Record<string, Required<AgentTerms>>;
  run: Omit<PayRun, 'locked'>;
  currency: string;
  total_cents: number;
  created_by: string;
  created_at: Date;
  locked_by: string | null;
  locked_at: Date | null;
}

const COLUMNS = `r.id, r.site, r.period_id, r.supersedes, r.rules, r.terms, r.run, r.currency, r.total_cents,
  r.created_by, r.created_at, r.locked_by, r.locked_at,
  array(select c.id from pay_runs c where c.supersedes = r.id order by c.created_at) as superseded_by`;

function toView(r: RunRow): PayRunView {
  return {
    id: r.id,
    site: r.site,
    periodId: r.period_id,
    status: r.locked_at ? 'locked' : 'draft',
    currency: r.currency,
    totalCents: r.total_cents,
    supersedes: r.supersedes,
    supersededBy: r.superseded_by,
    period: r.run.period,
    rules: r.rules,
    terms: r.terms,
    lines: [...r.run.lines],
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    lockedBy: r.locked_by,
    lockedAt: r.locked_at?.toISOString() ?? null,
  };
}

/** The domain run of a stored one (its lock from the columns). */
export function domainRun(view: PayRunView): PayRun {
  const locked =
    view.lockedBy !== null && view.lockedAt !== null ? { by: view.lockedBy, atMs: Date.parse(view.lockedAt) } : null;
  return { period: view.period, currency: view.currency, lines: view.lines, locked };
}

export const summaryOf = (v: PayRunView): PayRunSummary => ({
  id: v.id,
  periodId: v.periodId,
  status: v.status,
  totalCents: v.totalCents,
  currency: v.currency,
  supersedes: v.supersedes,
});

const totalOf = (run: PayRun) => run.lines.reduce((sum, l) => sum + l.totalCents, 0);

/**
 * Pay rules and pay runs in SQL, and the reads of the evaluation tables (migration 0013) a run needs; every write
 * takes a `Queryable` so callers can pass their transaction.
 */
@Injectable()
export class PayStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  async rules(site: string, q: Queryable = this.db): Promise<PayRules | undefined> {
    const { rows } = await q.query<{ rules: unknown }>(`select rules from pay_rules where site = $1`, [site]);
    return rows[0] ? PayRules.parse(rows[0].rules) : undefined;
  }

  async putRules(q: Queryable, site: string, rules: PayRules, by: string): Promise<void> {
    await q.query(
      `insert into pay_rules (site, rules, updated_by) values ($1, $2, $3)
       on conflict (site) do update set rules = excluded.rules, updated_by = excluded.updated_by, updated_at = now()`,
      [site, JSON.stringify(rules), by],
    );
  }

  async period(site: string, id: string): Promise<PeriodRow | undefined> {
    const { rows } = await this.db.query<{ id: string; start_day: string; end_day: string; s: Date; e: Date }>(
      `select id, start_day::text, end_day::text, start_at as s, end_at as e
         from eval_periods where site = $1 and id = $2`,
      [site, id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, site, startDay: r.start_day, endDay: r.end_day, startMs: r.s.getTime(), endMs: r.e.getTime() }
      : undefined;
  }

  /** Per agent of the period, the latest revision with a lock (a validated one), by agent id. */
  async validatedEvaluations(site: string, periodId: string): Promise<ValidatedEvaluation[]> {
    const { rows } = await this.db.query<{ agent: string; team: string | null; score_bp: number | null }>(
      `select e.agent, e.team, v.score_bp
         from evaluations e
         join lateral (
           select r.score_bp from evaluation_revisions r
            where r.evaluation_id = e.id and r.locked_at is not null
            order by r.revision desc limit 1
         ) v on true
        where e.site = $1 and e.period_id = $2
        order by e.agent`,
      [site, periodId],
    );
    return rows.map((r) => ({ agent: r.agent, team: r.team, scoreBp: r.score_bp }));
  }

  async insertRun(
    q: Queryable,
    r: {
      site: string;
      supersedes: string | null;
      rules: PayRules;
      terms: Record<string, Required<AgentTerms>>;
      run: PayRun;
      by: string;
    },
  ): Promise<PayRunView> {
    const { locked: _locked, ...run } = r.run;
    const { rows } = await q.query<{ id: string }>(
      `insert into pay_runs (site, period_id, supersedes, rules, terms, run, currency, total_cents, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        r.site,
        run.period.id,
        r.supersedes,
        JSON.stringify(r.rules),
        JSON.stringify(r.terms),
        JSON.stringify(run),
        run.currency,
        totalOf(r.run),
        r.by,
      ],
    );
    return (await this.run(r.site, rows[0]!.id, q))!;
  }

  /** One run; `forUpdate` locks its row for the rest of the transaction. */
  async run(site: string, id: string, q: Queryable = this.db, forUpdate = false): Promise<PayRunView | undefined> {
    const { rows } = await q.query<RunRow>(
      `select ${COLUMNS} from pay_runs r where r.site = $1 and r.id = $2${forUpdate ? ' for update' : ''}`,
      [site, id],
    );
    return rows[0] ? toView(rows[0]) : undefined;
  }

  /** A draft run's new lines (after an adjustment), or its lock. */
  async saveRun(q: Queryable, id: string, run: PayRun): Promise<void> {
    const { locked, ...rest } = run;
    await q.query(
      `update pay_runs set run = $2, total_cents = $3, locked_by = $4, locked_at = $5
        where id = $1 and locked_at is null`,
      [id, JSON.stringify(rest), totalOf(run), locked?.by ?? null, locked ? new Date(locked.atMs) : null],
    );
  }

  /** A site's runs, newest first (one period's with `periodId`). */
  async runs(site: string, periodId?: string): Promise<PayRunSummary[]> {
    const { rows } = await this.db.query<RunRow>(
      `select ${COLUMNS} from pay_runs r where r.site = $1 and ($2::uuid is null or r.period_id = $2)
        order by r.created_at desc, r.id`,
      [site, periodId ?? null],
    );
    return rows.map((r) => summaryOf(toView(r)));
  }

  /** The agent id stored on a user row, or null. */
  async agentOfUser(userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ agent: string | null }>(`select agent from users where id = $1`, [userId]);
    return rows[0]?.agent ?? null;
  }
}
