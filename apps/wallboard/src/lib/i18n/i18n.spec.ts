import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { i18n } from './i18n.svelte.js';

describe('i18n', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('speaks French by default and English on request, with the floor labels', () => {
    expect(i18n.locale).toBe('fr');
    expect(i18n.t('kpi.waiting')).toBe('Appel ATT');
    i18n.locale = 'en';
    expect(i18n.t('sites.stale', { s: 5 })).toBe('No new data for 5 s: the figures shown are out of date.');
    expect(localStorage.getItem('vigie.locale')).toBe('en');
    i18n.locale = 'fr';
  });
});
