import type { ErrorBody } from '@vigie/protocol';

const TOKEN_KEY = 'vigie.token';

export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }
}

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) {
      localStorage.setItem(TOKEN_KEY, value);
    } else {
      localStorage.removeItem(TOKEN_KEY);
    }
  },
};

/**
 * Calls the API with the session's token (or `token`, a display token); a 401 on the session's token ends the
 * session. Errors carry the API's error body.
 */
export async function api<T>(
  path: string,
  init: RequestInit = {},
  onUnauthorized?: () => void,
  token = session.token,
): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) {
    headers.set('authorization', `Bearer ${token}`);
  }
  if (init.body && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401 && token !== null && token === session.token) {
    session.token = null;
    onUnauthorized?.();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(
      body ?? { statusCode: response.status, error: response.statusText, message: response.statusText },
    );
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function login(email: string, password: string): Promise<void> {
  const { accessToken } = await api<{ accessToken: string }>('/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  session.token = accessToken;
}
