import type { FigureRules, FloorSnapshot, KpiFigure, Level, Tile } from '@vigie/protocol';
import { formatCount, formatDuration, formatPercent } from '../format/format.js';
import type { MessageKey } from '../i18n/fr.js';

type Figures = Pick<FloorSnapshot['totals'], KpiFigure | 'levels'>;

/** The floor label of each figure (French abbreviations by default). */
export const FIGURE_LABEL: Record<KpiFigure, MessageKey> = {
  waiting: 'kpi.waiting',
  longestWaitSec: 'kpi.longestWait',
  avgWaitAnsweredSec: 'kpi.avgWaitAnswered',
  abandoned: 'kpi.abandoned',
  received: 'kpi.received',
  avgTalkSec: 'kpi.avgTalk',
  serviceQuality: 'kpi.serviceQuality',
  serviceLevel: 'kpi.serviceLevel',
  offered: 'kpi.offered',
  answered: 'kpi.answered',
  notDistributed: 'kpi.notDistributed',
  maxWaitSec: 'kpi.maxWait',
};

/** A figure as the floor reads it: durations `mm:ss`, ratios in %, counts with the locale's grouping. */
export function formatFigure(figure: KpiFigure, value: number | null | undefined, locale: string): string {
  if (figure.endsWith('Sec')) {
    return formatDuration(value);
  }
  return figure === 'serviceQuality' || figure === 'serviceLevel'
    ? formatPercent(value, locale)
    : formatCount(value, locale);
}

/** The level the data gives a figure; a figure without a rule is normal. */
export function levelOf(levels: Record<string, Level> | undefined, figure: string): Level {
  return levels?.[figure] ?? 'normal';
}

/** CSS class of a level: the only source of a tile's colour. */
export function levelClass(level: Level): string {
  return `level-${level}`;
}

/** What orange and red also say besides the colour: an icon and a word. */
export const LEVEL_SIGN: Record<Exclude<Level, 'normal'>, { icon: string; text: MessageKey }> = {
  orange: { icon: '▲', text: 'level.orange' },
  red: { icon: '⬣', text: 'level.red' },
};

/** The figures a `kpi` tile points at: the site's totals, a queue or a team (undefined when not in the data). */
export function kpiSource(
  snapshot: FloorSnapshot,
  config: Extract<Tile, { kind: 'kpi' }>['config'],
): Figures | undefined {
  switch (config.scope) {
    case 'site':
      return snapshot.totals;
    case 'queue':
      return snapshot.queues.find((q) => q.queue === config.name);
    case 'team':
      return snapshot.teams.find((t) => t.team === config.name);
  }
}

/** Received, answered and abandoned per interval start, for one queue or summed over the site. */
export function intervalSeries(
  snapshot: FloorSnapshot,
  queue: string | undefined,
): { starts: string[]; received: number[]; answered: number[]; abandoned: number[] } {
  const byStart = new Map<string, { received: number; answered: number; abandoned: number }>();
  for (const row of snapshot.intervals) {
    if (queue !== undefined && row.queue !== queue) {
      continue;
    }
    const sum = byStart.get(row.start) ?? { received: 0, answered: 0, abandoned: 0 };
    sum.received += row.received;
    sum.answered += row.answered;
    sum.abandoned += row.abandoned;
    byStart.set(row.start, sum);
  }
  const starts = [...byStart.keys()].sort();
  return {
    starts,
    received: starts.map((s) => byStart.get(s)!.received),
    answered: starts.map((s) => byStart.get(s)!.answered),
    abandoned: starts.map((s) => byStart.get(s)!.abandoned),
  };
}

/** A figure definition and the queues of a tile that follow it. */
export interface DefinitionInUse {
  definition: FigureRules;
  queues: string[];
}

/** Figures whose value depends on the queue's figure definition (docs/figures.md). */
export const DEFINED_FIGURES: readonly KpiFigure[] = ['serviceLevel', 'serviceQuality'];

/**
 * The figure definitions behind a kpi tile, each with its queues: one for a queue, possibly several for a team or
 * the site (each queue's contacts are counted with their own).
 */
export function definitionsOf(
  snapshot: FloorSnapshot,
  config: Extract<Tile, { kind: 'kpi' }>['config'],
): DefinitionInUse[] {
  const names =
    config.scope === 'queue'
      ? [config.name]
      : config.scope === 'team'
        ? (snapshot.teams.find((t) => t.team === config.name)?.queues ?? [])
        : undefined;
  const byId = new Map<string, DefinitionInUse>();
  for (const q of snapshot.queues) {
    if (names && !names.includes(q.queue)) {
      continue;
    }
    const used = byId.get(q.definition.id) ?? { definition: q.definition, queues: [] };
    used.queues.push(q.queue);
    byId.set(q.definition.id, used);
  }
  return [...byId.values()];
}

/** A definition in words: what the ratios divide by and the service-level target. */
export function describeDefinition(
  d: FigureRules,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): string[] {
  let counted = t('definition.counted');
  if (d.shortAbandonSec !== null) {
    counted += t('definition.shortAbandons', { s: d.shortAbandonSec });
  }
  if (!d.countNotDistributed) {
    counted += t('definition.notDistributed');
  }
  return [t('definition.serviceLevel', { s: d.targetSec }), t('definition.serviceQuality'), `${counted}.`];
}
