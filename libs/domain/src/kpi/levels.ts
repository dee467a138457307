import type { Level } from '@vigie/protocol';

export interface ThresholdRule {
  orange: number;
  red: number;
  /** `above`: the higher the worse (waits); `below`: the lower the worse (service level). */
  direction: 'above' | 'below';
}

/** Bounds are inclusive: with orange at 90 s, a wait of 90 s is orange. */
export function levelOf(value: number | null, rule: ThresholdRule): Level {
  if (value === null) {
    return 'normal';
  }
  if (rule.direction === 'above') {
    return value >= rule.red ? 'red' : value >= rule.orange ? 'orange' : 'normal';
  }
  return value <= rule.red ? 'red' : value <= rule.orange ? 'orange' : 'normal';
}

/** Out of the box (CONTRACT.md): the longest current wait is orange from 90 s and red from 180 s. */
export const DEFAULT_QUEUE_RULES: Record<string, ThresholdRule> = {
  longestWaitSec: { orange: 90, red: 180, direction: 'above' },
};

/** The level of each figure that has a rule. */
export function levelsOf(
  figures: Record<string, unknown>,
  rules: Record<string, ThresholdRule>,
): Record<string, Level> {
  const levels: Record<string, Level> = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = figures[field];
    levels[field] = levelOf(typeof value === 'number' ? value : null, rule);
  }
  return levels;
}
