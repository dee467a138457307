import { cleanup, render, screen } from '@testing-library/svelte';
import type { Board } from '@vigie/protocol';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveSocket } from '../live/live-client.svelte.js';
import { SNAPSHOT } from '../live/snapshot.fixture.js';
import BoardView from './board-view.svelte';

const BOARD: Board = {
  id: 'b',
  site: 'paris',
  name: 'Plateau',
  createdBy: 'admin',
  updatedAt: '2026-02-10T08:00:00Z',
  layout: [
    { id: 'w', kind: 'kpi', x: 0, y: 0, w: 6, h: 1, config: { scope: 'site', figure: 'waiting' } },
    { id: 'm', kind: 'banner', x: 6, y: 0, w: 6, h: 1, config: { text: 'Réunion à 14 h' } },
  ],
};

describe('board view', () => {
  let receive: (event: string, payload: unknown) => void;
  let live: LiveClient;

  beforeEach(() => {
    vi.useFakeTimers();
    const listeners = new Map<string, (payload: never) => void>();
    const socket: LiveSocket = {
      on: (event, listener) => listeners.set(event, listener),
      emit: () => undefined,
      close: () => undefined,
    };
    receive = (event, payload) => listeners.get(event)?.(payload as never);
    live = new LiveClient({ site: 'paris', token: 't', connect: () => socket });
  });
  afterEach(() => {
    cleanup();
    live.close();
    vi.useRealTimers();
  });

  it('renders the tiles from the snapshot, then says plainly since when the data stopped', async () => {
    render(BoardView, {
      board: BOARD,
      live,
      site: { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', demo: true },
    });
    expect(screen.getByRole('status').textContent).toBe('Connexion au direct…');
    receive('live.snapshot', {
      site: 'paris',
      seq: 1,
      snapshot: { ...SNAPSHOT, totals: { ...SNAPSHOT.totals, waiting: 3 } },
    });
    flushSync();
    expect(document.querySelector('[data-figure="waiting"] output')?.textContent).toBe('3');
    expect(screen.getByText('Réunion à 14 h')).toBeTruthy();
    expect(screen.getByText('Démo')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await vi.advanceTimersByTimeAsync(12_000);
    flushSync();
    expect(screen.getByRole('alert').textContent).toBe('Données interrompues depuis 12 s');
    expect(document.querySelector('.board')?.classList.contains('stale')).toBe(true);
  });
});
