import type { EvaluationScore } from '@vigie/domain';
import type { EvaluationValues } from '@vigie/protocol';
import type { EvaluationStatus, PeriodKind } from './evaluation.schema.js';

/**
 * The rows of the evaluation tables (migration 0013) as the API uses them, their SQL shapes and the mapping between
 * the two; the queries are in `evaluation-store.ts`.
 */
export interface PeriodRow {
  id: string;
  kind: PeriodKind;
  /** Inclusive local business days. */
  start: string;
  end: string;
  gridId: string;
  gridVersion: number;
  startAtMs: number;
  endAtMs: number;
  openedBy: string;
  openedAt: string;
  /** How many evaluations the period holds. */
  evaluations: number;
}

export interface EvaluationRow {
  id: string;
  periodId: string;
  agent: string;
  team: string | null;
  status: EvaluationStatus;
  /** The latest revision, which the status refers to. */
  revision: number;
}

/** `{ by, at, … }` stamps of the workflow. */
export interface Stamp {
  by: string;
  at: string;
}
export type AgentResponse = Stamp & { kind: 'acknowledged' | 'disputed'; comment: string | null };
export type Arbitration = Stamp & { decision: 'upheld' | 'rejected'; comment: string };

export interface RevisionRow {
  revision: number;
  supersedes: number | null;
  values: EvaluationValues;
  comments: Record<string, string>;
  /** The domain score with one explanation per criterion; null while a value is missing. */
  score: EvaluationScore | null;
  scoreBp: number | null;
  author: string;
  authoredAt: string;
  reason: string | null;
  submitted: Stamp | null;
  agentResponse: AgentResponse | null;
  arbitration: Arbitration | null;
  locked: Stamp | null;
}

/** Columns of a revision that move with the workflow or while it is a draft. */
export interface RevisionChange {
  values?: EvaluationValues;
  comments?: Record<string, string>;
  score?: EvaluationScore | null;
  scoreBp?: number | null;
  submitted?: Stamp;
  agentResponse?: AgentResponse;
  arbitration?: Arbitration;
  locked?: Stamp;
}

export interface PeriodSql {
  id: string;
  kind: PeriodKind;
  start_day: string;
  end_day: string;
  grid_id: string;
  grid_version: number;
  start_at: Date;
  end_at: Date;
  opened_by: string;
  opened_at: Date;
  evaluations: number;
}

export interface EvaluationSql {
  id: string;
  period_id: string;
  agent: string;
  team: string | null;
  status: EvaluationStatus;
  current_revision: number;
}

export interface RevisionSql {
  revision: number;
  supersedes: number | null;
  values: EvaluationValues;
  comments: Record<string, string>;
  score: EvaluationScore | null;
  score_bp: number | null;
  author: string;
  authored_at: Date;
  reason: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  agent_response: AgentResponse | null;
  arbitration: Arbitration | null;
  locked_by: string | null;
  locked_at: Date | null;
}

export const PERIOD_COLUMNS = `p.id, p.kind, to_char(p.start_day, 'YYYY-MM-DD') as start_day,
  to_char(p.end_day, 'YYYY-MM-DD') as end_day, p.grid_id, p.grid_version, p.start_at, p.end_at, p.opened_by,
  p.opened_at, (select count(*) from evaluations e where e.period_id = p.id)::int as evaluations`;
export const EVALUATION_COLUMNS = `e.id, e.period_id, e.agent, e.team, e.status, e.current_revision`;

const stamp = (by: string | null, at: Date | null): Stamp | null =>
  by !== null && at !== null ? { by, at: at.toISOString() } : null;

export function toPeriod(r: PeriodSql): PeriodRow {
  return {
    id: r.id,
    kind: r.kind,
    start: r.start_day,
    end: r.end_day,
    gridId: r.grid_id,
    gridVersion: r.grid_version,
    startAtMs: r.start_at.getTime(),
    endAtMs: r.end_at.getTime(),
    openedBy: r.opened_by,
    openedAt: r.opened_at.toISOString(),
    evaluations: r.evaluations,
  };
}

export const toEvaluation = (r: EvaluationSql): EvaluationRow => ({
  id: r.id,
  periodId: r.period_id,
  agent: r.agent,
  team: r.team,
  status: r.status,
  revision: r.current_revision,
});

export function toRevision(r: RevisionSql): RevisionRow {
  return {
    revision: r.revision,
    supersedes: r.supersedes,
    values: r.values,
    comments: r.comments,
    score: r.score,
    scoreBp: r.score_bp,
    author: r.author,
    authoredAt: r.authored_at.toISOString(),
    reason: r.reason,
    submitted: stamp(r.submitted_by, r.submitted_at),
    agentResponse: r.agent_response,
    arbitration: r.arbitration,
    locked: stamp(r.locked_by, r.locked_at),
  };
}

/** Who the caller may see: everything, some teams' agents, and/or one agent. */
export interface Scope {
  all: boolean;
  teams: string[];
  agent: string | null;
}

export interface EvaluationFilter {
  period?: string | undefined;
  agent?: string | undefined;
  team?: string | undefined;
  status?: EvaluationStatus | undefined;
}

export const SCOPE_SQL = (n: number) => `($${n}::boolean or e.team = any($${n + 1}::text[]) or e.agent = $${n + 2})`;
export const scopeParams = (s: Scope) => [s.all, s.teams, s.agent];
