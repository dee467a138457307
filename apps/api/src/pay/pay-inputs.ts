import { FULL_SCORE_BP } from '@vigie/domain';
import type { PayInput, PayPeriod, PayRules } from '@vigie/protocol';
import type { ValidatedEvaluation } from './pay-store.js';
import type { AgentTerms } from './pay.schema.js';

/** What the event log says of one agent over the period. */
export interface PeriodAgent {
  name: string;
  team: string | null;
  /** Local business days (`YYYY-MM-DD`) with a login. */
  daysLoggedIn: readonly string[];
}

/** The period's figures from the event log: per agent, and per team the collective rules' figures. */
export interface PeriodFigures {
  agents: ReadonlyMap<string, PeriodAgent>;
  teams: Readonly<Record<string, Readonly<Record<string, number | null | undefined>>>>;
}

export interface FieldIssue {
  field: string;
  reason: string;
}

/** A line without a team (none in the evaluation nor in the event log) is pooled with the others in this case. */
export const NO_TEAM = '(no team)';

const DAY_MS = 86_400_000;

/** The Mondays to Fridays of `[startDay, endDay]` (local dates, inclusive). */
export function weekdays(startDay: string, endDay: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${startDay}T00:00:00Z`); ms <= Date.parse(`${endDay}T00:00:00Z`); ms += DAY_MS) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      days.push(new Date(ms).toISOString().slice(0, 10));
    }
  }
  return days;
}

/**
 * Each line's terms: HR's where given, else full time, the period's weekdays as scheduled days, and as absence days
 * the scheduled days less the weekdays the agent logged in (at least 0), no challenge. Issues name the field of the
 * request's `terms` at fault: an agent without a line, an unknown challenge, more absences than scheduled days.
 */
export function resolveTerms(
  rules: PayRules,
  evaluations: readonly ValidatedEvaluation[],
  figures: PeriodFigures,
  given: Readonly<Record<string, AgentTerms>>,
  scheduled: readonly string[],
): { terms: Record<string, Required<AgentTerms>>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const agents = new Set(evaluations.map((e) => e.agent));
  for (const agent of Object.keys(given)) {
    if (!agents.has(agent)) {
      issues.push({ field: `terms.${agent}`, reason: 'no validated evaluation for this agent in the period' });
    }
  }
  const challenges = new Set(rules.challenges.map((c) => c.id));
  const terms: Record<string, Required<AgentTerms>> = {};
  for (const { agent } of evaluations) {
    const own = given[agent] ?? {};
    const loggedIn = new Set(figures.agents.get(agent)?.daysLoggedIn ?? []);
    const present = scheduled.filter((day) => loggedIn.has(day)).length;
    const scheduledDays = own.scheduledDays ?? Math.max(1, scheduled.length);
    const absenceDays = own.absenceDays ?? Math.max(0, scheduledDays - present);
    if (absenceDays > scheduledDays) {
      issues.push({ field: `terms.${agent}.absenceDays`, reason: `more than the ${scheduledDays} scheduled days` });
    }
    const challengesWon = own.challengesWon ?? [];
    challengesWon.forEach((id, i) => {
      if (!challenges.has(id)) {
        issues.push({ field: `terms.${agent}.challengesWon.${i}`, reason: `no challenge "${id}" in the pay rules` });
      }
    });
    terms[agent] = { partTimeBp: own.partTimeBp ?? FULL_SCORE_BP, scheduledDays, absenceDays, challengesWon };
  }
  return { terms, issues };
}

/** The domain's input for `computePay`: one agent per validated evaluation, the team figures known. */
export function payInput(
  period: PayPeriod,
  evaluations: readonly ValidatedEvaluation[],
  figures: PeriodFigures,
  terms: Readonly<Record<string, Required<AgentTerms>>>,
): PayInput {
  const teams: Record<string, Record<string, number>> = {};
  for (const [team, values] of Object.entries(figures.teams)) {
    const known = Object.entries(values).filter((e): e is [string, number] => Number.isFinite(e[1]));
    teams[team] = Object.fromEntries(known);
  }
  const agents = evaluations.map((e) => {
    const seen = figures.agents.get(e.agent);
    const t = terms[e.agent]!;
    return {
      agentId: e.agent,
      name: seen?.name ?? e.agent,
      teamId: e.team ?? seen?.team ?? NO_TEAM,
      scoreBp: e.scoreBp,
      partTimeBp: t.partTimeBp,
      scheduledDays: t.scheduledDays,
      absenceDays: t.absenceDays,
      challengesWon: t.challengesWon,
    };
  });
  return { period, teams, agents };
}
