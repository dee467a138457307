import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_KEY, ROLES, ROLES_KEY, type Role } from '../../apps/api/src/auth/roles.js';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

interface Route {
  method: string;
  path: string;
  roles: Role[] | undefined;
  isPublic: boolean;
}

/** Every route the application serves, read from the controllers' metadata. */
function routes(app: TestApp): Route[] {
  const found: Route[] = [];
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) {
        continue;
      }
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        ) {
          continue;
        }
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as
          Role[] | undefined;
        const isPublic = Boolean(
          Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller),
        );
        found.push({ method, path: path.replace(/\/+/g, '/'), roles, isPublic });
      }
    }
  }
  return found;
}

const fill = (path: string) => path.replace(':site', 'paris').replace(':id', '00000000-0000-4000-8000-000000000000');

describe('permission matrix', () => {
  let t: TestDatabase;
  let app: TestApp;
  const tokens = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    const admin = await login(app.url);
    tokens.set('admin', admin);
    const post = (path: string, body: unknown) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/api/v1/sites', { id: 'paris', name: 'Paris', timezone: 'Europe/Paris' });
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'display')) {
      const credentials = { email: `${role}@test.local`, password: `${role}-password-1` };
      expect((await post('/api/v1/users', { ...credentials, roles: [role] })).status).toBe(201);
      tokens.set(role, await login(app.url, credentials));
    }
    const display = (await (await post('/api/v1/sites/paris/display-tokens', { name: 'TV' })).json()) as {
      token: string;
    };
    tokens.set('display', { authorization: `Bearer ${display.token}` });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('finds every endpoint declaring who may call it', () => {
    const all = routes(app);
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter((r) => !r.roles && !r.isPublic).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers each role as the endpoint declares: allowed roles pass the guard, others get 403, no token 401', async () => {
    const mismatches: string[] = [];
    for (const route of routes(app).filter((r) => !r.isPublic)) {
      const call = (headers: Record<string, string>) =>
        fetch(`${app.url}${fill(route.path)}`, { method: route.method, headers }).then((r) => r.status);
      const anonymous = await call({});
      if (anonymous !== 401) {
        mismatches.push(`${route.method} ${route.path} without a token: ${anonymous}`);
      }
      for (const role of ROLES) {
        const status = await call(tokens.get(role)!);
        const allowed = role === 'admin' || (route.roles ?? []).includes(role);
        const denied = status === 401 || status === 403;
        if (allowed === denied) {
          mismatches.push(`${route.method} ${route.path} as ${role}: ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers a malformed id with a 400, never a 5xx', async () => {
    const admin = tokens.get('admin')!;
    for (const [method, path] of [
      ['DELETE', '/api/v1/api-keys/not-an-id'],
      ['DELETE', '/api/v1/display-tokens/42'],
      ['PATCH', '/api/v1/users/x'],
    ] as const) {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { ...admin, 'content-type': 'application/json' },
        body: method === 'PATCH' ? '{}' : undefined,
      });
      expect([path, response.status]).toEqual([path, 400]);
    }
  });

  it('answers wrong credentials with 401 and nothing else', async () => {
    const response = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.local', password: 'wrong' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'wrong e-mail or password',
    });
  });

  it('lets an ingest API key write to its own site only', async () => {
    const admin = tokens.get('admin')!;
    const post = (path: string, headers: Record<string, string>, body: string, type = 'application/json') =>
      fetch(`${app.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
    await post('/api/v1/sites', admin, JSON.stringify({ id: 'lyon', name: 'Lyon', timezone: 'Europe/Paris' }));
    const { key } = (await (
      await post('/api/v1/sites/paris/api-keys', admin, JSON.stringify({ name: 'pbx' }))
    ).json()) as {
      key: string;
    };
    const bearer = { authorization: `Bearer ${key}` };
    expect((await post('/api/v1/sites/paris/events', bearer, '[]')).status).toBe(200);
    expect((await post('/api/v1/sites/lyon/events', bearer, '[]')).status).toBe(403);
    expect((await fetch(`${app.url}/api/v1/sites/paris/live`, { headers: bearer })).status).toBe(403);
    const { rows } = await t.db.query<{ action: string }>(`select action from audit_log order by id`);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['admin.bootstrap', 'user.created', 'api_key.created']),
    );
  });
});
