import type { PayParams } from '@vigie/domain';
import type { AgentKpiFigure, EvaluationValues, Grid, GridSection, PayRules } from '@vigie/protocol';
import { api, session } from '../api/client.js';

/** The evaluation and pay API (docs/evaluation.md), under `/api/v1/sites/{site}`. */

export type EvaluationStatus = 'draft' | 'submitted' | 'acknowledged' | 'disputed' | 'validated';
export const EVALUATION_STATUSES: readonly EvaluationStatus[] = [
  'draft',
  'submitted',
  'acknowledged',
  'disputed',
  'validated',
];
export type { AgentKpiFigure, Grid, GridSection, PayParams, PayRules };
export type EvaluationAction = 'save' | 'submit' | 'acknowledge' | 'dispute' | 'validate' | 'arbitrate' | 'revise';

export interface GridSummary {
  id: string;
  label: string;
  version: number;
  validFrom: string;
  teams: string[];
  grid: Grid;
}

export interface GridVersion {
  version: number;
  validFrom: string;
  teams: string[];
  grid: Grid;
  createdBy: string;
  createdAt: string;
}

/** `POST /grids` (with `id`) or `POST /grids/{id}/versions` (without). */
export interface GridBody {
  id?: string;
  label: string;
  validFrom: string;
  teams: string[];
  sections: Omit<GridSection, never>[];
}

export interface Period {
  id: string;
  kind: 'month' | 'week' | 'quarter';
  start: string;
  end: string;
  gridId: string;
  gridVersion: number;
  evaluations?: number;
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

export interface CriterionScore {
  sectionId: string;
  criterionId: string;
  label: string;
  weight: number;
  value: number | null;
  tier: number | null;
  points: number;
  maxPoints: number;
  eliminates: 'section' | 'grid' | null;
  /*
   * What the explanation says, language-neutral (the domain's `CriterionScore`); absent on scores stored before
   * these fields existed, which the screens show by their English `explanation`.
   */
  na?: 'leftOut' | 'noData' | null;
  range?: { from: number; to: number | null } | null;
  target?: number | null;
  eliminatoryBelow?: number | null;
  /** In English, as stored with the revision (audit text). */
  explanation: string;
}

export interface EvaluationScore {
  scoreBp: number | null;
  eliminatedBy: string | null;
  sections: { sectionId: string; label: string; weight: number; scoreBp: number | null; eliminatedBy: string | null }[];
  criteria: CriterionScore[];
}

/** A note left by someone (the agent's answer, HR's arbitration); the API's shape is read loosely. */
export interface Note {
  decision?: string;
  kind?: string;
  comment?: string | null;
  by?: string;
  at?: string | number;
  atMs?: number;
}

export interface Revision {
  revision: number;
  supersedes: number | null;
  values: EvaluationValues;
  comments: Record<string, string>;
  score: EvaluationScore | null;
  scoreBp: number | null;
  author: string | { by: string; atMs: number };
  authoredAt?: string | number;
  reason: string | null;
  agentResponse: Note | null;
  arbitration: Note | null;
  locked: unknown;
}

export interface EvaluationDetail {
  id: string;
  periodId: string;
  agent: string;
  team: string | null;
  status: EvaluationStatus;
  grid: Grid;
  revisions: Revision[];
}

export interface HistoryPoint {
  periodId: string;
  start: string;
  scoreBp: number | null;
  criteria: Record<string, number | null>;
}

export type PayRule = 'individual' | 'collective' | 'challenge' | 'agentCap' | 'periodCap' | 'adjustment';

export interface PayExplanationOf<R extends PayRule> {
  rule: R;
  ruleId: string | null;
  figure: { name: string; value: number } | null;
  tier: number | null;
  amountCents: number;
  /** In English, as stored with the run (audit text). */
  detail: string;
  /** The step's figures (the domain's `PayParams`); absent on runs stored before, shown by their `detail`. */
  params?: PayParams[R];
}

/** One step of a pay line, discriminated by `rule`. */
export type PayExplanation = { [R in PayRule]: PayExplanationOf<R> }[PayRule];

export interface PayLine {
  agentId: string;
  name: string;
  teamId: string;
  individualCents: number;
  collectiveCents: number;
  challengeCents: number;
  capCents: number;
  adjustmentCents: number;
  totalCents: number;
  prorationBp: number;
  explanations: PayExplanation[];
}

/** An agent's own line of a locked run (`GET /my-pay-lines`). */
export interface MyPayLine {
  runId: string;
  periodId: string;
  currency: string;
  period: { startMs: number; endMs: number };
  line: PayLine;
}

export interface PayRunSummary {
  id: string;
  periodId: string;
  status: 'draft' | 'locked';
  totalCents: number;
  currency: string;
  supersedes: string | null;
}

export interface PayRun extends PayRunSummary {
  lines: PayLine[];
}

export interface PayTerms {
  partTimeBp: number;
  scheduledDays: number;
  absenceDays: number;
  challengesWon: string[];
}

/** A line as the API may name it (`agent` or `agentId`, `team` or `teamId`). */
export function normalizeLine(raw: PayLine & { agent?: string; team?: string }): PayLine {
  return {
    ...raw,
    agentId: raw.agentId ?? raw.agent ?? '',
    teamId: raw.teamId ?? raw.team ?? '',
    name: raw.name ?? '',
    explanations: raw.explanations ?? [],
  };
}

/** `locked` or `status: 'locked'`, whichever the API sends. */
export function normalizeRun(raw: PayRun & { locked?: unknown }): PayRun {
  const status = raw.status ?? (raw.locked ? 'locked' : 'draft');
  return { ...raw, status, lines: (raw.lines ?? []).map(normalizeLine) };
}

/** Calls of one site's evaluation and pay API. */
export function siteApi(site: string, onUnauthorized?: () => void) {
  const base = `/api/v1/sites/${encodeURIComponent(site)}`;
  const get = <T>(path: string) => api<T>(`${base}${path}`, {}, onUnauthorized);
  const send = <T>(method: string, path: string, body?: unknown) =>
    api<T>(`${base}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, onUnauthorized);
  const q = (id: string) => encodeURIComponent(id);
  return {
    base,
    grids: () => get<{ grids: GridSummary[] }>('/grids').then((r) => r.grids),
    grid: (id: string) => get<{ id: string; versions: GridVersion[] }>(`/grids/${q(id)}`),
    createGrid: (body: GridBody) => send<unknown>('POST', '/grids', body),
    createVersion: (id: string, body: GridBody) => send<unknown>('POST', `/grids/${q(id)}/versions`, body),
    periods: () => get<{ periods: Period[] }>('/evaluation-periods').then((r) => r.periods),
    openPeriod: (body: { kind: Period['kind']; start: string; gridId: string }) =>
      send<Period>('POST', '/evaluation-periods', body),
    refreshPeriod: (id: string) => send<unknown>('POST', `/evaluation-periods/${q(id)}/refresh`),
    evaluations: (filter: Record<string, string>) => {
      const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
      const query = params.size ? `?${params.toString()}` : '';
      return get<{ evaluations: EvaluationSummary[] }>(`/evaluations${query}`).then((r) => r.evaluations);
    },
    evaluation: (id: string) => get<EvaluationDetail>(`/evaluations/${q(id)}`),
    saveEvaluation: (id: string, values: EvaluationValues, comments: Record<string, string>) =>
      send<EvaluationDetail>('PATCH', `/evaluations/${q(id)}`, { values, comments }),
    act: (id: string, action: Exclude<EvaluationAction, 'save'>, body?: unknown) =>
      send<EvaluationDetail>('POST', `/evaluations/${q(id)}/${action}`, body ?? {}),
    history: (by: 'agent' | 'team', id: string) =>
      get<{ periods: HistoryPoint[] }>(`/evaluation-history?${by}=${q(id)}`).then((r) => r.periods),
    payRules: () => get<PayRules>('/pay-rules'),
    savePayRules: (rules: PayRules) => send<PayRules>('PUT', '/pay-rules', rules),
    payRuns: () => get<{ runs: PayRunSummary[] }>('/pay-runs').then((r) => r.runs),
    payRun: (id: string) => get<PayRun>(`/pay-runs/${q(id)}`).then(normalizeRun),
    createPayRun: (body: { periodId: string; terms?: Record<string, PayTerms>; supersedes?: string }) =>
      send<PayRun>('POST', '/pay-runs', body).then(normalizeRun),
    adjust: (id: string, body: { agent: string; cents: number; reason: string }) =>
      send<PayRun>('POST', `/pay-runs/${q(id)}/adjustments`, body).then(normalizeRun),
    lockRun: (id: string) => send<PayRun>('POST', `/pay-runs/${q(id)}/lock`).then(normalizeRun),
    /** `{ runId, periodId, status, currency, line }`: an agent reads their own line of a locked run. */
    payLine: (id: string, agent: string) =>
      get<{ runId: string; periodId: string; status: string; currency: string; line: PayLine }>(
        `/pay-runs/${q(id)}/lines/${q(agent)}`,
      ).then((r) => ({ ...r, line: normalizeLine(r.line) })),
    myPayLines: () =>
      get<{ lines: MyPayLine[] }>('/my-pay-lines').then((r) =>
        r.lines.map((l) => ({ ...l, line: normalizeLine(l.line) })),
      ),
    exportHref: (id: string) => `${base}/pay-runs/${q(id)}/export.csv`,
  };
}

export type SiteApi = ReturnType<typeof siteApi>;

/** Downloads a run's payroll CSV with the bearer token (a plain link would carry none): fetch, then a Blob URL. */
export async function downloadPayroll(href: string, fileName: string): Promise<void> {
  const response = await fetch(href, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
  if (!response.ok) {
    throw new Error(response.statusText || String(response.status));
  }
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
