const STORAGE_KEY = 'vigie.sound';

/** The smallest part of the Web Audio API the beep uses (a fake in tests). */
export interface BeepContext {
  readonly currentTime: number;
  readonly destination: AudioNode;
  resume(): Promise<void>;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
}

/**
 * The red-alarm sound switch of a screen: off by default, remembered on this screen. Turning it on creates the
 * audio context inside the click, which browsers require before any sound plays.
 */
export class SoundSwitch {
  #on = $state(localStorage.getItem(STORAGE_KEY) === 'on');
  #context: BeepContext | null = null;
  readonly #create: () => BeepContext | null;

  constructor(create: () => BeepContext | null = () => (globalThis.AudioContext ? new AudioContext() : null)) {
    this.#create = create;
  }

  get on(): boolean {
    return this.#on;
  }

  set on(value: boolean) {
    this.#on = value;
    localStorage.setItem(STORAGE_KEY, value ? 'on' : 'off');
    if (value) {
      this.#context ??= this.#create();
      void this.#context?.resume();
    }
  }

  /** A short two-tone beep (no audio file) when the switch is on; whether it played. */
  beep(): boolean {
    if (!this.#on) {
      return false;
    }
    this.#context ??= this.#create();
    const ctx = this.#context;
    if (!ctx) {
      return false;
    }
    const start = ctx.currentTime;
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0.25, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.6);
    gain.connect(ctx.destination);
    const osc = ctx.createOscillator();
    osc.type = 'square';
    osc.frequency.setValueAtTime(880, start);
    osc.frequency.setValueAtTime(660, start + 0.3);
    osc.connect(gain);
    osc.start(start);
    osc.stop(start + 0.6);
    return true;
  }
}
