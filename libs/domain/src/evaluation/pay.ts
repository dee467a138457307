import type { AgentPayInput, PayInput, PayPeriod, PayRules } from '@vigie/protocol';
import { FULL_SCORE_BP, findTier } from './grid.js';
import { assertEditable, type Lockable } from './revision.js';
import { allocate, divRoundHalfUp } from './rounding.js';

export type PayRule = 'individual' | 'collective' | 'challenge' | 'agentCap' | 'periodCap' | 'adjustment';

/**
 * The figures of one step of a pay line, per rule, so a screen can say `detail` in its own language (amounts in
 * integer cents of the run's currency; the step's tier is the explanation's `tier`).
 */
export interface PayParams {
  /** Tier amount × part-time ratio × `days` / `scheduledDays`; `scoreBp` null: no validated evaluation. */
  readonly individual: {
    readonly scoreBp: number | null;
    readonly tierCents: number;
    readonly partTimeBp: number;
    /** The days paid on (scheduled − absent when the rules prorate absence). */
    readonly days: number;
    readonly scheduledDays: number;
  };
  /** The team's figure gives a pool (`value` null: no figure, no pool), shared by presence days. */
  readonly collective: {
    readonly label: string;
    readonly team: string;
    readonly figure: string;
    readonly value: number | null;
    readonly poolCents: number;
    readonly presenceDays: number;
    readonly teamDays: number;
  };
  readonly challenge: { readonly label: string; readonly prizeCents: number };
  readonly agentCap: { readonly capCents: number };
  /** Every line scaled by `capCents` ÷ `sumCents` (the sum of the lines before the cap). */
  readonly periodCap: { readonly capCents: number; readonly sumCents: number };
  readonly adjustment: { readonly by: string; readonly reason: string };
}

/** One step of a pay line, as HR reviews it: which rule, which figure, which tier, how much. */
export interface PayExplanationOf<R extends PayRule> {
  readonly rule: R;
  /** The collective rule or challenge id. */
  readonly ruleId: string | null;
  readonly figure: { readonly name: string; readonly value: number } | null;
  /** Index of the tier hit in the rule's tiers. */
  readonly tier: number | null;
  readonly amountCents: number;
  /** The step in English, as stored with the run (audit text); `params` says the same in any language. */
  readonly detail: string;
  readonly params: PayParams[R];
}

/** One step of a pay line, discriminated by `rule`. */
export type PayExplanation = { [R in PayRule]: PayExplanationOf<R> }[PayRule];

export interface PayLine {
  readonly agentId: string;
  readonly name: string;
  readonly teamId: string;
  /** After proration. */
  readonly individualCents: number;
  readonly collectiveCents: number;
  readonly challengeCents: number;
  /** What the agent and period caps took off (≤ 0). */
  readonly capCents: number;
  /** HR's adjustments after review (signed), never capped. */
  readonly adjustmentCents: number;
  readonly totalCents: number;
  /** The individual bonus's proration, basis points rounded for display (the amount used the exact ratio). */
  readonly prorationBp: number;
  readonly explanations: readonly PayExplanation[];
}

export interface PayRun extends Lockable {
  readonly period: PayPeriod;
  readonly currency: string;
  /** One per agent, by agent id. */
  readonly lines: readonly PayLine[];
}

/** `12345` EUR → `123.45 EUR` (every currency is taken in hundredths). */
export function formatCents(cents: number, currency: string): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/**
 * The pay run of a period, unlocked, one line per agent:
 * 1. individual: the tier of the validated score, × part-time ratio × (scheduled − absent) / scheduled days as the
 *    rules' `proration` says, rounded once, halves up;
 * 2. collective: per rule and team, the team figure's tier gives a pool, shared by presence days (scheduled −
 *    absent) with the largest remainder, so the shares add up to the pool; presence already reflects part-time and
 *    absence, so shares are not prorated again;
 * 3. challenge prizes won, as they are;
 * 4. the agent cap on 1 + 2 + 3; then the period cap on the sum of the lines: every line is scaled down by
 *    cap ÷ sum, floored, and the cents left go to the largest remainders (ties to the lower agent id).
 */
export function computePay(rules: PayRules, input: PayInput): PayRun {
  const agents = [...input.agents].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  const collective = collectiveShares(rules, input, agents);
  let lines = agents.map((agent) => {
    const { cents: individualCents, prorationBp, explanation } = individual(rules, agent);
    const shares = collective.get(agent.agentId) ?? [];
    const prizes = agent.challengesWon.map((id) => challenge(rules, id));
    const explanations = [explanation, ...shares, ...prizes];
    const collectiveCents = sum(shares.map((s) => s.amountCents));
    const challengeCents = sum(prizes.map((p) => p.amountCents));
    const subtotal = individualCents + collectiveCents + challengeCents;
    const cap = rules.caps.perAgentCents;
    const capCents = cap !== null && subtotal > cap ? cap - subtotal : 0;
    if (capCents < 0) {
      const detail = `agent cap ${formatCents(cap ?? 0, rules.currency)}: ${formatCents(capCents, rules.currency)}`;
      explanations.push({
        rule: 'agentCap',
        ruleId: null,
        figure: null,
        tier: null,
        amountCents: capCents,
        detail,
        params: { capCents: cap ?? 0 },
      });
    }
    const totalCents = subtotal + capCents;
    const base = { agentId: agent.agentId, name: agent.name, teamId: agent.teamId, adjustmentCents: 0 };
    return {
      ...base,
      individualCents,
      collectiveCents,
      challengeCents,
      capCents,
      totalCents,
      prorationBp,
      explanations,
    };
  });
  const periodCap = rules.caps.perPeriodCents;
  const periodSum = sum(lines.map((l) => l.totalCents));
  if (periodCap !== null && periodSum > periodCap) {
    const scaled = allocate(
      periodCap,
      lines.map((l) => l.totalCents),
    );
    lines = lines.map((line, i) => {
      const cut = (scaled[i] ?? 0) - line.totalCents;
      const detail = `period cap ${formatCents(periodCap, rules.currency)} on ${formatCents(periodSum, rules.currency)}: × ${periodCap}/${periodSum} → ${formatCents(cut, rules.currency)}`;
      const explanation: PayExplanation = {
        rule: 'periodCap',
        ruleId: null,
        figure: null,
        tier: null,
        amountCents: cut,
        detail,
        params: { capCents: periodCap, sumCents: periodSum },
      };
      return {
        ...line,
        capCents: line.capCents + cut,
        totalCents: line.totalCents + cut,
        explanations: [...line.explanations, explanation],
      };
    });
  }
  return { period: input.period, currency: rules.currency, lines, locked: null };
}

/** HR's correction of one line after review (signed cents, with the reason); a locked run throws `LockedError`. */
export function adjustLine(run: PayRun, agentId: string, cents: number, reason: string, by: string): PayRun {
  assertEditable(run, `pay run ${run.period.id}`);
  if (!run.lines.some((l) => l.agentId === agentId)) {
    throw new RangeError(`no line for agent ${agentId} in pay run ${run.period.id}`);
  }
  const lines = run.lines.map((line) => {
    if (line.agentId !== agentId) {
      return line;
    }
    if (!Number.isSafeInteger(cents) || line.totalCents + cents < 0) {
      throw new RangeError(`adjustment of ${cents} cents is not a whole amount keeping the line ≥ 0`);
    }
    const detail = `adjusted by ${by}: ${reason}`;
    const explanation: PayExplanation = {
      rule: 'adjustment',
      ruleId: null,
      figure: null,
      tier: null,
      amountCents: cents,
      detail,
      params: { by, reason },
    };
    return {
      ...line,
      adjustmentCents: line.adjustmentCents + cents,
      totalCents: line.totalCents + cents,
      explanations: [...line.explanations, explanation],
    };
  });
  return { ...run, lines };
}

function individual(
  rules: PayRules,
  agent: AgentPayInput,
): { cents: number; prorationBp: number; explanation: PayExplanation } {
  const tier = agent.scoreBp === null ? null : findTier(rules.individual.tiers, agent.scoreBp);
  const tierCents = tier === null ? 0 : (rules.individual.tiers[tier]?.cents ?? 0);
  const partTimeBp = rules.proration.partTime ? agent.partTimeBp : FULL_SCORE_BP;
  const days = rules.proration.absence ? agent.scheduledDays - agent.absenceDays : agent.scheduledDays;
  const den = BigInt(FULL_SCORE_BP * agent.scheduledDays);
  const cents = Number(divRoundHalfUp(BigInt(tierCents) * BigInt(partTimeBp) * BigInt(days), den));
  const prorationBp = Number(divRoundHalfUp(BigInt(partTimeBp * days * FULL_SCORE_BP), den));
  const score = agent.scoreBp === null ? 'no validated evaluation' : `score ${(agent.scoreBp / 100).toFixed(2)}/100`;
  const hit = tier === null ? 'no tier' : `tier ${tier + 1} → ${formatCents(tierCents, rules.currency)}`;
  const detail = `${score} → ${hit} × ${partTimeBp}/10000 part-time × ${days}/${agent.scheduledDays} days = ${formatCents(cents, rules.currency)}`;
  const figure = agent.scoreBp === null ? null : { name: 'scoreBp', value: agent.scoreBp };
  return {
    cents,
    prorationBp,
    explanation: {
      rule: 'individual',
      ruleId: null,
      figure,
      tier,
      amountCents: cents,
      detail,
      params: { scoreBp: agent.scoreBp, tierCents, partTimeBp, days, scheduledDays: agent.scheduledDays },
    },
  };
}

function collectiveShares(
  rules: PayRules,
  input: PayInput,
  agents: readonly AgentPayInput[],
): Map<string, PayExplanation[]> {
  const byAgent = new Map<string, PayExplanation[]>(agents.map((a) => [a.agentId, []]));
  const teams = [...new Set(agents.map((a) => a.teamId))];
  for (const rule of rules.collective) {
    for (const teamId of teams) {
      const members = agents.filter((a) => a.teamId === teamId);
      const presence = members.map((a) => a.scheduledDays - a.absenceDays);
      const value = input.teams[teamId]?.[rule.figure];
      const tier = value === undefined ? null : findTier(rule.tiers, value);
      const pool = tier === null ? 0 : (rule.tiers[tier]?.cents ?? 0);
      const shares = allocate(pool, presence);
      const teamDays = sum(presence);
      const hit =
        value === undefined
          ? `team ${teamId}: no ${rule.figure} figure, no pool`
          : `team ${teamId} ${rule.figure} ${value} → ${tier === null ? 'no tier, no pool' : `tier ${tier + 1}, pool ${formatCents(pool, rules.currency)}`}`;
      members.forEach((agent, i) => {
        const amountCents = shares[i] ?? 0;
        const detail = `${rule.label}: ${hit}; ${presence[i]}/${teamDays} presence days → ${formatCents(amountCents, rules.currency)}`;
        const figure = value === undefined ? null : { name: rule.figure, value };
        const params = {
          label: rule.label,
          team: teamId,
          figure: rule.figure,
          value: value ?? null,
          poolCents: pool,
          presenceDays: presence[i] ?? 0,
          teamDays,
        };
        byAgent
          .get(agent.agentId)
          ?.push({ rule: 'collective', ruleId: rule.id, figure, tier, amountCents, detail, params });
      });
    }
  }
  return byAgent;
}

function challenge(rules: PayRules, id: string): PayExplanation {
  const found = rules.challenges.find((c) => c.id === id);
  if (!found) {
    throw new RangeError(`unknown challenge ${id}`);
  }
  const detail = `${found.label}: prize ${formatCents(found.prizeCents, rules.currency)}`;
  const params = { label: found.label, prizeCents: found.prizeCents };
  return { rule: 'challenge', ruleId: id, figure: null, tier: null, amountCents: found.prizeCents, detail, params };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, x) => a + x, 0);
}
