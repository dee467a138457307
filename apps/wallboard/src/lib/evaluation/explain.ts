import { en } from '../i18n/en.js';
import { fr, type MessageKey } from '../i18n/fr.js';
import type { Locale } from '../i18n/i18n.svelte.js';
import type { CriterionScore, PayExplanation } from './api.js';
import { formatMoney, formatValue } from './format.js';

/**
 * A criterion's score and a pay line's steps said in the UI's language from their language-neutral fields (the
 * domain's `CriterionScore` and `PayExplanation.params`), with the locale's numbers and money. Scores and runs stored
 * before those fields existed have only their English sentence (`explanation`, `detail`): it is shown as it is.
 */

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { fr, en };
const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

type Vars = Record<string, string | number>;

function translator(locale: Locale) {
  const catalog = CATALOGS[locale];
  return (key: MessageKey, vars: Vars = {}): string =>
    catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** A score in basis points of the maximum out of 100 (`8167` → `81,67`). */
function score100(bp: number, tag: string): string {
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 100);
}

/** Basis points as a percentage (`6000` → `60 %`). */
function percent(bp: number, tag: string): string {
  return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** What a criterion's score says (`4 → palier 2 [3 ; ∞[ → 10/10 points × poids 1`), without its label. */
export function explainCriterion(score: CriterionScore, locale: Locale): string {
  if (score.na === undefined) {
    return score.explanation;
  }
  const t = translator(locale);
  const tag = TAGS[locale];
  const num = (n: number) => formatValue(n, tag);
  if (score.na === 'leftOut') {
    return t('explain.naLeftOut');
  }
  if (score.na === 'noData' || score.value === null) {
    return t('explain.naNoData', { max: score.maxPoints, weight: num(score.weight) });
  }
  const range = score.range
    ? t('explain.range', { from: num(score.range.from), to: score.range.to === null ? '∞' : num(score.range.to) })
    : '';
  const tier = score.tier === null ? t('explain.noTier') : t('explain.tier', { n: score.tier + 1, range }).trim();
  const target =
    score.target === null || score.target === undefined ? '' : t('explain.target', { target: num(score.target) });
  const elimination =
    score.eliminates && score.eliminatoryBelow !== null && score.eliminatoryBelow !== undefined
      ? t(`explain.eliminates.${score.eliminates}`, { below: num(score.eliminatoryBelow) })
      : '';
  return t('explain.criterion', {
    value: num(score.value),
    target,
    tier,
    points: score.points,
    max: score.maxPoints,
    weight: num(score.weight),
    elimination,
  });
}

const TEAM_FIGURES = new Set(['serviceLevel', 'serviceQuality']);

/** One step of a pay line in the UI's language (`Plafond agent 300,00 € : -100,00 €`). */
export function explainPay(x: PayExplanation, currency: string, locale: Locale): string {
  const t = translator(locale);
  const tag = TAGS[locale];
  const money = (cents: number) => formatMoney(cents, currency, tag);
  const amount = money(x.amountCents);
  switch (x.rule) {
    case 'individual': {
      const p = x.params;
      if (!p) {
        return x.detail;
      }
      return t('explain.individual', {
        score: p.scoreBp === null ? t('explain.noScore') : t('explain.score', { score: score100(p.scoreBp, tag) }),
        tier:
          x.tier === null
            ? t('explain.noTier')
            : t('explain.tierAmount', { n: x.tier + 1, amount: money(p.tierCents) }),
        partTime: percent(p.partTimeBp, tag),
        days: p.days,
        scheduled: p.scheduledDays,
        amount,
      });
    }
    case 'collective': {
      const p = x.params;
      if (!p) {
        return x.detail;
      }
      const figure = TEAM_FIGURES.has(p.figure) ? t(`explain.teamFigure.${p.figure}` as MessageKey) : p.figure;
      const hit =
        p.value === null
          ? t('explain.poolNoFigure', { figure })
          : x.tier === null
            ? t('explain.poolNoTier', { figure, value: formatValue(p.value, tag) })
            : t('explain.pool', { figure, value: formatValue(p.value, tag), n: x.tier + 1, pool: money(p.poolCents) });
      return t('explain.collective', {
        team: p.team,
        label: p.label,
        hit,
        presence: p.presenceDays,
        teamDays: p.teamDays,
        amount,
      });
    }
    case 'challenge':
      return x.params ? t('explain.challenge', { label: x.params.label, prize: money(x.params.prizeCents) }) : x.detail;
    case 'agentCap':
      return x.params ? t('explain.agentCap', { cap: money(x.params.capCents), amount }) : x.detail;
    case 'periodCap':
      return x.params
        ? t('explain.periodCap', { cap: money(x.params.capCents), sum: money(x.params.sumCents), amount })
        : x.detail;
    case 'adjustment':
      return x.params ? t('explain.adjustment', { by: x.params.by, reason: x.params.reason }) : x.detail;
    default:
      return (x as { detail: string }).detail;
  }
}
