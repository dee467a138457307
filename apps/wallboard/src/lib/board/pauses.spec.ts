import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import PausesTile from '../components/tiles/pauses-tile.svelte';
import { i18n } from '../i18n/i18n.svelte.js';
import { SNAPSHOT } from '../live/snapshot.fixture.js';
import { formatHms, pauseRow } from './pauses.js';

const DEJ = {
  reason: 'Déjeuner',
  agentsNow: 2,
  longestNowSec: 1930,
  countToday: 5,
  totalSecToday: 9000 + 65,
  maxSec: 1800,
  paid: false,
  overMax: 1,
};

describe('pauses tile', () => {
  afterEach(cleanup);

  it('formats longest now in mm:ss, today in hh:mm:ss, the maximum and paid or not', () => {
    expect(formatHms(59)).toBe('00:00:59');
    expect(pauseRow(DEJ, (k) => i18n.t(k), 'fr-FR')).toEqual({
      reason: 'Déjeuner',
      agentsNow: '2',
      longestNow: '32:10',
      countToday: '5',
      totalToday: '02:31:05',
      max: '30:00',
      paid: 'non payée',
      overMax: 1,
    });
    const idle = { ...DEJ, agentsNow: 0, maxSec: null, paid: null, overMax: 0 };
    expect(pauseRow(idle, (k) => i18n.t(k), 'fr-FR')).toMatchObject({ longestNow: '—', max: '—', paid: '—' });
  });

  it('flags a reason with agents past the maximum in red, with an icon and a word', () => {
    const pause = { ...DEJ, reason: 'Pause', paid: true, overMax: 0 };
    render(PausesTile, { snapshot: { ...SNAPSHOT, pauses: [DEJ, pause] } });
    const over = document.querySelector('[data-pause="Déjeuner"]')!;
    expect(over.classList.contains('level-red')).toBe(true);
    expect(over.textContent).toContain('⬣ Dépassement (1)');
    const fine = document.querySelector('[data-pause="Pause"]')!;
    expect(fine.classList.contains('level-red')).toBe(false);
    expect(fine.textContent).toContain('payée');
  });
});
