import type { PayRules } from '@vigie/protocol';
import { i18n } from '../i18n/i18n.svelte.js';
import { toCents } from './format.js';
import { blank, newKey, newTier, tierIssues, type Num, type TierDraft } from './grid-draft.js';

/** Team figures a collective pool may follow (over the queues the team served in the period). */
export const TEAM_FIGURES = ['serviceLevel', 'serviceQuality'] as const;

export interface PoolDraft {
  key: number;
  id: string;
  label: string;
  figure: string;
  /** Figure values → pool amount in currency units. */
  tiers: TierDraft[];
}

export interface ChallengeDraft {
  key: number;
  id: string;
  label: string;
  prize: Num;
}

/**
 * Pay rules as typed: amounts in currency units (`12.5`), individual tiers on the score in % of the maximum
 * (`80` = 8000 bp), collective tiers in the figure's own unit.
 */
export interface RulesDraft {
  currency: string;
  individual: TierDraft[];
  collective: PoolDraft[];
  challenges: ChallengeDraft[];
  perAgent: Num;
  perPeriod: Num;
  partTime: boolean;
  absence: boolean;
}

const units = (cents: number) => cents / 100;
const pct = (bp: number | undefined) => (bp === undefined ? undefined : bp / 100);

export function emptyRules(): RulesDraft {
  return {
    currency: 'EUR',
    individual: [newTier(0, 60, 0), newTier(60, 80, 50), newTier(80, undefined, 100)],
    collective: [],
    challenges: [],
    perAgent: undefined,
    perPeriod: undefined,
    partTime: true,
    absence: true,
  };
}

export function newPool(n: number): PoolDraft {
  return {
    key: newKey(),
    id: `pool${n}`,
    label: '',
    figure: 'serviceLevel',
    tiers: [newTier(0, 0.8, 0), newTier(0.8)],
  };
}

export function newChallenge(n: number): ChallengeDraft {
  return { key: newKey(), id: `challenge${n}`, label: '', prize: undefined };
}

export function rulesToDraft(rules: PayRules): RulesDraft {
  return {
    currency: rules.currency,
    individual: rules.individual.tiers.map((t) => newTier(pct(t.from), pct(t.to), units(t.cents))),
    collective: rules.collective.map((c) => ({
      key: newKey(),
      id: c.id,
      label: c.label,
      figure: c.figure,
      tiers: c.tiers.map((t) => newTier(t.from, t.to, units(t.cents))),
    })),
    challenges: rules.challenges.map((c) => ({ key: newKey(), id: c.id, label: c.label, prize: units(c.prizeCents) })),
    perAgent: rules.caps.perAgentCents === null ? undefined : units(rules.caps.perAgentCents),
    perPeriod: rules.caps.perPeriodCents === null ? undefined : units(rules.caps.perPeriodCents),
    partTime: rules.proration.partTime,
    absence: rules.proration.absence,
  };
}

const cents = (n: Num) => toCents(n ?? 0);
const toBp = (n: Num) => Math.round((n ?? 0) * 100);

/** The body of `PUT /pay-rules`. */
export function draftToRules(d: RulesDraft): PayRules {
  return {
    currency: d.currency.trim().toUpperCase(),
    individual: {
      tiers: d.individual.map((t) => ({
        from: toBp(t.from),
        ...(blank(t.to) ? {} : { to: toBp(t.to) }),
        cents: cents(t.value),
      })),
    },
    collective: d.collective.map((c) => ({
      id: c.id.trim(),
      label: c.label.trim(),
      figure: c.figure.trim(),
      tiers: c.tiers.map((t) => ({ from: t.from ?? 0, ...(blank(t.to) ? {} : { to: t.to }), cents: cents(t.value) })),
    })),
    challenges: d.challenges.map((c) => ({ id: c.id.trim(), label: c.label.trim(), prizeCents: cents(c.prize) })),
    caps: {
      perAgentCents: blank(d.perAgent) ? null : cents(d.perAgent),
      perPeriodCents: blank(d.perPeriod) ? null : cents(d.perPeriod),
    },
    proration: { partTime: d.partTime, absence: d.absence },
  };
}

/** Client-side checks of the pay rules, as messages; none: ready to send. */
export function rulesIssues(d: RulesDraft): string[] {
  const issues: string[] = [];
  if (!/^[A-Za-z]{3}$/.test(d.currency.trim())) {
    issues.push(i18n.t('pay.err.currency'));
  }
  issues.push(...tierIssues(d.individual, i18n.t('pay.individual'), false));
  d.individual.forEach((t, i) => {
    if ((!blank(t.from) && (t.from < 0 || t.from > 100)) || (!blank(t.to) && t.to > 100)) {
      issues.push(i18n.t('pay.err.percent', { n: i + 1 }));
    }
  });
  d.collective.forEach((c, i) => {
    const what = i18n.t('pay.poolN', { n: i + 1 });
    if (!c.id.trim() || !c.label.trim() || !c.figure.trim()) {
      issues.push(i18n.t('pay.err.pool', { what }));
    }
    issues.push(...tierIssues(c.tiers, what, false));
  });
  d.challenges.forEach((c, i) => {
    if (!c.id.trim() || !c.label.trim() || blank(c.prize) || c.prize < 0) {
      issues.push(i18n.t('pay.err.challenge', { n: i + 1 }));
    }
  });
  if ((!blank(d.perAgent) && d.perAgent < 0) || (!blank(d.perPeriod) && d.perPeriod < 0)) {
    issues.push(i18n.t('pay.err.cap'));
  }
  return issues;
}
