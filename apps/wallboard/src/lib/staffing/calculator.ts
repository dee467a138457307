import { ApiError } from '../api/client.js';

/** The what-if form; empty inputs are null (the API then answers 400 naming the parameter). */
export interface CalculatorForm {
  calls: number | null;
  /** Whether `calls` counts per hour or per 30 minutes. */
  per: 'hour' | 'halfHour';
  ahtSec: number | null;
  targetSec: number | null;
  agents: number | null;
  /** Mean patience, seconds: Erlang A when set. */
  patienceSec: number | null;
  /** Service-level goal, percent (80 for 80 %), for "agents needed". */
  goalPct: number | null;
}

/** The form's field an API parameter comes from (a 400 names the parameter). */
export const FIELD_OF: Record<string, keyof CalculatorForm> = {
  callsPerHour: 'calls',
  ahtSec: 'ahtSec',
  targetSec: 'targetSec',
  agents: 'agents',
  patienceSec: 'patienceSec',
  serviceLevel: 'goalPct',
};

const param = (value: number | null): string => (value === null || !Number.isFinite(value) ? '' : String(value));

export function callsPerHour(form: CalculatorForm): number | null {
  return form.calls === null ? null : form.per === 'halfHour' ? form.calls * 2 : form.calls;
}

/** `GET /api/v1/staffing/erlang-c` (or `erlang-a` with a patience) for `agents` agents. */
export function erlangUrl(form: CalculatorForm, model: 'erlang-c' | 'erlang-a', agents = form.agents): string {
  const query = new URLSearchParams({
    callsPerHour: param(callsPerHour(form)),
    ahtSec: param(form.ahtSec),
    agents: param(agents),
    targetSec: param(form.targetSec),
  });
  if (model === 'erlang-a') {
    query.set('patienceSec', param(form.patienceSec));
  }
  return `/api/v1/staffing/${model}?${query.toString()}`;
}

/** `GET /api/v1/staffing/agents`: the fewest agents reaching the goal (a fraction for the API). */
export function agentsUrl(form: CalculatorForm): string {
  const query = new URLSearchParams({
    callsPerHour: param(callsPerHour(form)),
    ahtSec: param(form.ahtSec),
    targetSec: param(form.targetSec),
    serviceLevel: param(form.goalPct === null ? null : form.goalPct / 100),
  });
  return `/api/v1/staffing/agents?${query.toString()}`;
}

/** N − 2 … N + 2, from one agent up. */
export function agentsAround(agents: number | null): number[] {
  if (agents === null || !Number.isInteger(agents) || agents < 1) {
    return [];
  }
  return [-2, -1, 0, 1, 2].map((d) => agents + d).filter((n) => n >= 1);
}

/** The API's 400 as messages per form field (`details[].field`); other errors under `form`. */
export function fieldErrors(error: unknown): Partial<Record<keyof CalculatorForm | 'form', string>> {
  if (error instanceof ApiError && error.body.statusCode === 400 && Array.isArray(error.body.details)) {
    const out: Partial<Record<keyof CalculatorForm | 'form', string>> = {};
    for (const d of error.body.details) {
      out[(d.field && FIELD_OF[d.field]) || 'form'] = d.reason;
    }
    return out;
  }
  return { form: (error as Error).message };
}
