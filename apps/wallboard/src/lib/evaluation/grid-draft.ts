import type { AgentKpiFigure, Criterion, Grid, GridSection, GridTier } from '@vigie/protocol';
import { i18n } from '../i18n/i18n.svelte.js';
import type { GridBody } from './api.js';

/** A number input's value: Svelte gives `undefined` (or `null`) for an empty or invalid one. */
export type Num = number | null | undefined;

/** One tier row as typed: `[from, to)` → `value` (points of a criterion, or an amount in currency units). */
export interface TierDraft {
  key: number;
  from: Num;
  to: Num;
  value: Num;
}

export interface CriterionDraft {
  key: number;
  id: string;
  label: string;
  weight: Num;
  kind: 'kpi' | 'manual';
  figure: AgentKpiFigure;
  scale: 'range' | 'yesNo';
  min: Num;
  max: Num;
  naAllowed: boolean;
  target: Num;
  tiers: TierDraft[];
  eliminatory: '' | 'section' | 'grid';
  eliminatoryBelow: Num;
}

export interface SectionDraft {
  key: number;
  id: string;
  label: string;
  weight: Num;
  criteria: CriterionDraft[];
}

export interface GridDraft {
  id: string;
  label: string;
  validFrom: string;
  /** Comma-separated team ids; none: every team. */
  teams: string;
  sections: SectionDraft[];
}

let nextKey = 1;
/** A key for `{#each}` blocks, unique in this page. */
export const newKey = (): number => nextKey++;

export const blank = (n: Num): n is null | undefined => n === null || n === undefined || Number.isNaN(n);

export function newTier(from: Num = undefined, to: Num = undefined, value: Num = undefined): TierDraft {
  return { key: newKey(), from, to, value };
}

export function newCriterion(id: string): CriterionDraft {
  return {
    key: newKey(),
    id,
    label: '',
    weight: 1,
    kind: 'manual',
    figure: 'serviceQuality',
    scale: 'range',
    min: 0,
    max: 5,
    naAllowed: false,
    target: undefined,
    tiers: [newTier(0, 3, 0), newTier(3, undefined, 10)],
    eliminatory: '',
    eliminatoryBelow: undefined,
  };
}

export function newSection(n: number): SectionDraft {
  return { key: newKey(), id: `s${n}`, label: '', weight: 1, criteria: [newCriterion(`s${n}c1`)] };
}

export function emptyGrid(): GridDraft {
  return { id: '', label: '', validFrom: '', teams: '', sections: [newSection(1)] };
}

/** A stored grid version as a draft (to view it, or to start the next version from it). */
export function gridToDraft(grid: Grid, validFrom: string, teams: readonly string[]): GridDraft {
  return {
    id: grid.id,
    label: grid.label,
    validFrom,
    teams: teams.join(', '),
    sections: grid.sections.map((s) => ({
      key: newKey(),
      id: s.id,
      label: s.label,
      weight: s.weight,
      criteria: s.criteria.map((c) => ({
        key: newKey(),
        id: c.id,
        label: c.label,
        weight: c.weight,
        kind: c.kind,
        figure: c.kind === 'kpi' ? c.kpi.figure : 'serviceQuality',
        scale: c.kind === 'manual' && c.scale === 'yesNo' ? 'yesNo' : 'range',
        min: c.kind === 'manual' && c.scale !== 'yesNo' ? c.scale.min : 0,
        max: c.kind === 'manual' && c.scale !== 'yesNo' ? c.scale.max : 5,
        naAllowed: c.naAllowed,
        target: c.target,
        tiers: c.tiers.map((t) => newTier(t.from, t.to, t.points)),
        eliminatory: c.eliminatory ?? '',
        eliminatoryBelow: c.eliminatoryBelow,
      })),
    })),
  };
}

/**
 * What is wrong with tier rows (the API's rules: `from` set, `to` after `from`, sorted and not overlapping, only
 * the last open-ended, values set); `what` says which list, `integer` whether the value must be whole.
 */
export function tierIssues(tiers: readonly TierDraft[], what: string, integer: boolean): string[] {
  const issues: string[] = [];
  if (tiers.length === 0) {
    issues.push(i18n.t('grid.err.noTiers', { what }));
  }
  tiers.forEach((t, i) => {
    const row = { what, n: i + 1 };
    const next = tiers[i + 1];
    if (blank(t.from)) {
      issues.push(i18n.t('grid.err.tierFrom', row));
    }
    if (!blank(t.to) && !blank(t.from) && t.to <= t.from) {
      issues.push(i18n.t('grid.err.tierOrder', row));
    }
    if (next && blank(t.to)) {
      issues.push(i18n.t('grid.err.tierOpen', row));
    } else if (next && !blank(t.to) && !blank(next.from) && next.from < t.to) {
      issues.push(i18n.t('grid.err.tierOverlap', row));
    }
    if (blank(t.value) || t.value < 0 || (integer && !Number.isInteger(t.value))) {
      issues.push(i18n.t(integer ? 'grid.err.tierPoints' : 'grid.err.tierAmount', row));
    }
  });
  return issues;
}

const positiveInt = (n: Num) => !blank(n) && Number.isInteger(n) && n > 0 && n <= 1000;

/** Client-side checks of a grid draft, as messages naming the section and criterion; none: ready to send. */
export function gridIssues(draft: GridDraft, withId: boolean): string[] {
  const issues: string[] = [];
  if (withId && !draft.id.trim()) {
    issues.push(i18n.t('grid.err.id'));
  }
  if (!draft.label.trim()) {
    issues.push(i18n.t('grid.err.label'));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom)) {
    issues.push(i18n.t('grid.err.validFrom'));
  }
  if (draft.sections.length === 0) {
    issues.push(i18n.t('grid.err.noSections'));
  }
  const ids = new Set<string>();
  const unique = (id: string, where: string) => {
    if (ids.has(id.trim())) {
      issues.push(i18n.t('grid.err.duplicateId', { where, id }));
    }
    ids.add(id.trim());
  };
  draft.sections.forEach((s, si) => {
    const where = i18n.t('grid.where.section', { n: si + 1 });
    if (!s.id.trim() || !s.label.trim()) {
      issues.push(i18n.t('grid.err.idLabel', { where }));
    }
    if (!positiveInt(s.weight)) {
      issues.push(i18n.t('grid.err.weight', { where }));
    }
    unique(s.id, where);
    if (s.criteria.length === 0) {
      issues.push(i18n.t('grid.err.noCriteria', { where }));
    }
    s.criteria.forEach((c, ci) => {
      const at = i18n.t('grid.where.criterion', { section: si + 1, n: ci + 1 });
      if (!c.id.trim() || !c.label.trim()) {
        issues.push(i18n.t('grid.err.idLabel', { where: at }));
      }
      if (!positiveInt(c.weight)) {
        issues.push(i18n.t('grid.err.weight', { where: at }));
      }
      unique(c.id, at);
      if (c.kind === 'manual' && c.scale === 'range' && (blank(c.min) || blank(c.max) || c.max <= c.min)) {
        issues.push(i18n.t('grid.err.scale', { where: at }));
      }
      issues.push(...tierIssues(c.tiers, at, true));
      if (c.tiers.length > 0 && !c.tiers.some((t) => !blank(t.value) && t.value > 0)) {
        issues.push(i18n.t('grid.err.noPoints', { where: at }));
      }
      if (c.eliminatory !== '' && blank(c.eliminatoryBelow)) {
        issues.push(i18n.t('grid.err.eliminatory', { where: at }));
      }
    });
  });
  return issues;
}

const opt = (n: Num): number | undefined => (blank(n) ? undefined : n);

function criterionBody(c: CriterionDraft): Criterion {
  const base = {
    id: c.id.trim(),
    label: c.label.trim(),
    weight: c.weight ?? 0,
    naAllowed: c.naAllowed,
    ...(blank(c.target) ? {} : { target: c.target }),
    tiers: c.tiers.map((t): GridTier => ({
      from: t.from ?? 0,
      ...(blank(t.to) ? {} : { to: t.to }),
      points: t.value ?? 0,
    })),
    ...(c.eliminatory === '' ? {} : { eliminatory: c.eliminatory, eliminatoryBelow: opt(c.eliminatoryBelow) }),
  };
  return c.kind === 'kpi'
    ? { ...base, kind: 'kpi', kpi: { figure: c.figure } }
    : { ...base, kind: 'manual', scale: c.scale === 'yesNo' ? 'yesNo' : { min: c.min ?? 0, max: c.max ?? 0 } };
}

/** The body of `POST /grids` (`withId`) or `POST /grids/{id}/versions`. */
export function gridBody(draft: GridDraft, withId: boolean): GridBody {
  const sections: GridSection[] = draft.sections.map((s) => ({
    id: s.id.trim(),
    label: s.label.trim(),
    weight: s.weight ?? 0,
    criteria: s.criteria.map(criterionBody),
  }));
  return {
    ...(withId ? { id: draft.id.trim() } : {}),
    label: draft.label.trim(),
    validFrom: draft.validFrom,
    teams: draft.teams
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    sections,
  };
}
