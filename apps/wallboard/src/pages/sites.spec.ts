import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount } from '../lib/format/format.js';
import Sites from './sites.svelte';

describe('sites page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the sites with their event counts and marks the demo site', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify([
            {
              id: 'demo',
              name: 'Démo',
              timezone: 'Europe/Paris',
              demo: true,
              eventsToday: 1234,
              eventsTotal: 5678,
              lastEventAt: '2026-02-10T08:15:02Z',
            },
            {
              id: 'paris',
              name: 'Paris',
              timezone: 'Europe/Paris',
              demo: false,
              eventsToday: 0,
              eventsTotal: 0,
              lastEventAt: null,
            },
          ]),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    render(Sites, { onUnauthorized: () => undefined, pollMs: 60_000 });
    expect(await screen.findByText('Paris')).toBeTruthy();
    expect(screen.getAllByText('Démo').length).toBe(2);
    expect(document.body.textContent).toContain(formatCount(1234, 'fr-FR'));
    expect(screen.getByText('09:15:02')).toBeTruthy();
  });
});
