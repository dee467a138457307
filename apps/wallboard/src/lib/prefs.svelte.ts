export type Theme = 'dark' | 'light';

const THEME_KEY = 'vigie.theme';
const BLINK_KEY = 'vigie.blink';

/**
 * A screen's own display preferences, remembered on it: the theme (dark by default; a TV link may say
 * `?theme=light`) and whether red alarms blink (on by default, never when the system asks for reduced motion).
 */
export class ScreenPrefs {
  #theme = $state<Theme>('dark');
  #blink = $state(true);

  constructor(search = globalThis.location?.search ?? '') {
    const asked = /[?&]theme=(dark|light)(?:&|$)/.exec(search)?.[1];
    const stored = localStorage.getItem(THEME_KEY);
    this.#theme = asked === 'light' || asked === 'dark' ? asked : stored === 'light' ? 'light' : 'dark';
    this.#blink = localStorage.getItem(BLINK_KEY) !== 'off';
    this.#apply();
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(value: Theme) {
    this.#theme = value;
    localStorage.setItem(THEME_KEY, value);
    this.#apply();
  }

  get blink(): boolean {
    return this.#blink;
  }

  set blink(value: boolean) {
    this.#blink = value;
    localStorage.setItem(BLINK_KEY, value ? 'on' : 'off');
  }

  #apply(): void {
    document.documentElement.dataset.theme = this.#theme;
  }
}

export const prefs = new ScreenPrefs();
