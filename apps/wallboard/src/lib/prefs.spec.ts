import { beforeEach, describe, expect, it } from 'vitest';
import { ScreenPrefs } from './prefs.svelte.js';

describe(ScreenPrefs.name, () => {
  beforeEach(() => localStorage.clear());

  it('starts dark with red alarms blinking, and sets the theme on the page', () => {
    const prefs = new ScreenPrefs('');
    expect([prefs.theme, prefs.blink]).toEqual(['dark', true]);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('remembers the choices on this screen', () => {
    const prefs = new ScreenPrefs('');
    prefs.theme = 'light';
    prefs.blink = false;
    const again = new ScreenPrefs('');
    expect([again.theme, again.blink]).toEqual(['light', false]);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('takes the theme a TV link asks for', () => {
    expect(new ScreenPrefs('?theme=light').theme).toBe('light');
  });
});
