import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Login from './login.svelte';

describe('login page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('posts the credentials and keeps the token', async () => {
    const fetch = vi.fn((_: string, __?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ accessToken: 'tok' }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetch);
    const onLoggedIn = vi.fn();
    render(Login, { onLoggedIn });
    await fireEvent.input(screen.getByLabelText('Adresse e-mail'), { target: { value: 'a@b.fr' } });
    await fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'secret-123' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalled());
    expect(JSON.parse(fetch.mock.calls[0]![1]!.body as string)).toEqual({ email: 'a@b.fr', password: 'secret-123' });
    expect(localStorage.getItem('vigie.token')).toBe('tok');
  });

  it('says plainly when the credentials are wrong', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'x' }), { status: 401 }),
      ),
    );
    render(Login, { onLoggedIn: () => undefined });
    await fireEvent.input(screen.getByLabelText('Adresse e-mail'), { target: { value: 'a@b.fr' } });
    await fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'nope' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'E-mail ou mot de passe incorrect');
  });
});
