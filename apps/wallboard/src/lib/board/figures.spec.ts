import { cleanup, fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import KpiTile from '../components/tiles/kpi-tile.svelte';
import QueueTableTile from '../components/tiles/queue-table-tile.svelte';
import { queue, SNAPSHOT } from '../live/snapshot.fixture.js';
import { definitionsOf, formatFigure, intervalSeries, levelClass, levelOf } from './figures.js';

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

describe('figure definitions on kpi tiles', () => {
  afterEach(() => cleanup());
  const sl30 = { id: 'sl-30', targetSec: 30, shortAbandonSec: 5, countNotDistributed: false };
  const mixed = {
    ...SNAPSHOT,
    queues: [
      queue('vip', { serviceLevel: 0.82, definition: sl30, slTargetSec: 30 }),
      queue('std', { serviceLevel: 0.9 }),
    ],
  };

  it('shows the target next to a service level', () => {
    const { container } = render(KpiTile, {
      snapshot: mixed,
      config: { scope: 'queue', name: 'vip', figure: 'serviceLevel' },
    });
    expect(container.querySelector('output')?.textContent).toMatch(/^82\s%$/);
    expect(container.querySelector('.target')?.textContent).toBe('≤ 30 s');
  });

  it('says the definition in words behind a labelled button', async () => {
    const { container, getByRole } = render(KpiTile, {
      snapshot: mixed,
      config: { scope: 'queue', name: 'vip', figure: 'serviceLevel' },
    });
    const button = getByRole('button', { name: 'Comment est calculé : Niveau de service' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.definition')).toBeNull();
    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const text = container.querySelector('.definition')?.textContent ?? '';
    expect(text).toContain('Définition « sl-30 »');
    expect(text).toContain('Niveau de service = répondus en 30 s ou moins ÷ appels comptés.');
    expect(text).toContain(
      'Appels comptés = reçus (répondus + abandonnés + non distribués), moins les abandons de moins de 5 s, moins les non distribués.',
    );
  });

  it('lists each definition of a site tile with its queues, without a single target when they differ', () => {
    const config = { scope: 'site', figure: 'serviceLevel' } as const;
    expect(definitionsOf(mixed, config).map((d) => [d.definition.id, d.queues])).toEqual([
      ['sl-30', ['vip']],
      ['contract-v1', ['std']],
    ]);
    const { container } = render(KpiTile, { snapshot: mixed, config });
    expect(container.querySelector('.target')).toBeNull();
    expect(container.querySelector('button.info')).not.toBeNull();
  });

  it('has no definition button on a count', () => {
    const { container } = render(KpiTile, {
      snapshot: mixed,
      config: { scope: 'queue', name: 'vip', figure: 'received' },
    });
    expect(container.querySelector('button.info')).toBeNull();
  });
});
