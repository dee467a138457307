import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import KpiTile from '../components/tiles/kpi-tile.svelte';
import QueueTableTile from '../components/tiles/queue-table-tile.svelte';
import { queue, SNAPSHOT } from '../live/snapshot.fixture.js';
import { formatFigure, intervalSeries, levelClass, levelOf } from './figures.js';

const floor = {
  ...SNAPSHOT,
  queues: [
    queue('vip', { waiting: 2, longestWaitSec: 202, levels: { longestWaitSec: 'red', waiting: 'orange' } }),
    queue('std', { waiting: 0, serviceQuality: 0.8 }),
  ],
  intervals: [
    { queue: 'vip', start: '2026-02-10T08:15:00Z', received: 2, answered: 1, abandoned: 1, serviceLevel: null },
    { queue: 'std', start: '2026-02-10T08:00:00Z', received: 3, answered: 3, abandoned: 0, serviceLevel: 1 },
    { queue: 'vip', start: '2026-02-10T08:00:00Z', received: 1, answered: 1, abandoned: 0, serviceLevel: 1 },
  ],
};

describe('tile levels', () => {
  afterEach(() => cleanup());

  it('takes the level from the data only, normal without a rule', () => {
    expect(levelOf({ longestWaitSec: 'red' }, 'longestWaitSec')).toBe('red');
    expect(levelOf({ longestWaitSec: 'red' }, 'waiting')).toBe('normal');
    expect(levelOf(undefined, 'waiting')).toBe('normal');
    expect(['normal', 'orange', 'red'].map((l) => levelClass(l as 'red'))).toEqual([
      'level-normal',
      'level-orange',
      'level-red',
    ]);
  });

  it('formats durations, ratios and counts as the floor reads them', () => {
    expect(formatFigure('longestWaitSec', 202, 'fr-FR')).toBe('03:22');
    expect(formatFigure('serviceQuality', 0.8, 'en-GB')).toBe('80%');
    expect(formatFigure('avgTalkSec', null, 'fr-FR')).toBe('—');
  });

  it('colours a kpi tile by its level and says it with an icon and a word', () => {
    const { container } = render(KpiTile, {
      snapshot: floor,
      config: { scope: 'queue', name: 'vip', figure: 'longestWaitSec' },
    });
    const tile = container.querySelector('.kpi')!;
    expect(tile.classList.contains('level-red')).toBe(true);
    expect(tile.querySelector('output')?.textContent).toBe('03:22');
    expect(tile.querySelector('.sign')?.textContent).toBe('⬣ Critique');
  });

  it('shows a normal figure without a sign', () => {
    const { container } = render(KpiTile, {
      snapshot: floor,
      config: { scope: 'queue', name: 'std', figure: 'waiting' },
    });
    expect(container.querySelector('.kpi')?.classList.contains('level-normal')).toBe(true);
    expect(container.querySelector('.sign')).toBeNull();
  });

  it('lists the queue columns in the floor order, each cell with its own level', () => {
    const { container } = render(QueueTableTile, { snapshot: floor, config: { queues: [] } });
    const headers = [...container.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual([
      'File',
      'Appel ATT',
      'Att.Max',
      'Moy.Att.Rep',
      'Nb.App.Abd',
      'App.Reçus',
      'Moy.Comm',
      'Qualité.Svc',
      'Niveau de service',
    ]);
    const vip = container.querySelectorAll('tbody tr')[0]!;
    expect(vip.querySelector('[data-figure="waiting"]')?.className).toContain('level-orange');
    expect(vip.querySelector('[data-figure="waiting"] .sign')?.textContent).toBe('▲ Alerte');
    expect(vip.querySelector('[data-figure="longestWaitSec"]')?.className).toContain('level-red');
    expect(vip.querySelector('[data-figure="received"]')?.className).toContain('level-normal');
  });

  it('sums the intervals of the site, or keeps one queue', () => {
    expect(intervalSeries(floor, undefined)).toEqual({
      starts: ['2026-02-10T08:00:00Z', '2026-02-10T08:15:00Z'],
      received: [4, 2],
      answered: [4, 1],
      abandoned: [0, 1],
    });
    expect(intervalSeries(floor, 'std').received).toEqual([3]);
  });
});
