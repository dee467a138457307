import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoundSwitch, type BeepContext } from './sound.svelte.js';

/** A Web Audio context that records the oscillators started. */
function fakeContext() {
  const param = { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
  const started: number[] = [];
  const ctx = {
    currentTime: 10,
    destination: {} as AudioNode,
    resume: vi.fn(() => Promise.resolve()),
    createGain: () => ({ gain: param, connect: vi.fn() }) as unknown as GainNode,
    createOscillator: () =>
      ({
        type: 'sine',
        frequency: param,
        connect: vi.fn(),
        start: (at: number) => started.push(at),
        stop: vi.fn(),
      }) as unknown as OscillatorNode,
  } satisfies BeepContext;
  return { ctx, started };
}

describe('red alarm sound switch', () => {
  afterEach(() => localStorage.clear());

  it('is off by default and remembers the choice on this screen', () => {
    const { ctx } = fakeContext();
    const first = new SoundSwitch(() => ctx);
    expect(first.on).toBe(false);
    first.on = true;
    expect(localStorage.getItem('vigie.sound')).toBe('on');
    expect(ctx.resume).toHaveBeenCalled();
    expect(new SoundSwitch(() => ctx).on).toBe(true);
    first.on = false;
    expect(new SoundSwitch(() => ctx).on).toBe(false);
  });

  it('beeps only when on, with an oscillator (no audio file)', () => {
    const { ctx, started } = fakeContext();
    const sound = new SoundSwitch(() => ctx);
    expect(sound.beep()).toBe(false);
    expect(started).toEqual([]);
    sound.on = true;
    expect(sound.beep()).toBe(true);
    expect(started).toEqual([10]);
  });

  it('stays silent where the browser has no Web Audio', () => {
    const sound = new SoundSwitch(() => null);
    sound.on = true;
    expect(sound.beep()).toBe(false);
  });
});
