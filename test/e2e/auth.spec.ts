import { JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

describe('user tokens and access changes', () => {
  let t: TestDatabase;
  let app: TestApp;
  let admin: Record<string, string>;
  const call = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, { ...init, headers: { ...headers, 'content-type': 'application/json' } });
  const auditCount = async (action: string) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = $1`, [action])).rows[0]!
      .n;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_JWT_SECRET: SECRET });
    admin = await login(app.url);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("ends a user's tokens when the password changes", async () => {
    const credentials = { email: 'julie@test.local', password: 'first-password-1' };
    const created = await call('/api/v1/users', admin, {
      method: 'POST',
      body: JSON.stringify({ ...credentials, roles: ['vigie'] }),
    });
    const { id } = (await created.json()) as { id: string };
    const old = await login(app.url, credentials);
    expect((await call('/api/v1/sites', old)).status).toBe(200);

    const changed = await call(`/api/v1/users/${id}`, admin, {
      method: 'PATCH',
      body: JSON.stringify({ password: 'second-password-2' }),
    });
    expect(changed.status).toBe(200);
    expect((await call('/api/v1/sites', old)).status).toBe(401);
    const fresh = await login(app.url, { ...credentials, password: 'second-password-2' });
    expect((await call('/api/v1/sites', fresh)).status).toBe(200);
  });

  it('accepts HS256 tokens only: the same claims signed HS512, or unsigned, are refused', async () => {
    const token = admin.authorization!.slice('Bearer '.length);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const hs512 = new JwtService({}).sign(claims, { secret: SECRET, algorithm: 'HS512' });
    expect((await call('/api/v1/sites', { authorization: `Bearer ${hs512}` })).status).toBe(401);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await call('/api/v1/sites', { authorization: `Bearer ${unsigned}` })).status).toBe(401);
  });

  it('writes the audit row with the change, and none for a change refused', async () => {
    const body = JSON.stringify({ email: 'twice@test.local', password: 'some-password-1', roles: ['hr'] });
    const before = await auditCount('user.created');
    expect((await call('/api/v1/users', admin, { method: 'POST', body })).status).toBe(201);
    expect((await call('/api/v1/users', admin, { method: 'POST', body })).status).toBe(409);
    expect(await auditCount('user.created')).toBe(before + 1);
  });

  it('answers 404 for the keys and screens of a site that does not exist', async () => {
    expect((await call('/api/v1/sites/nowhere/api-keys', admin)).status).toBe(404);
    expect((await call('/api/v1/sites/nowhere/display-tokens', admin)).status).toBe(404);
  });

  it('gives a user the agent id they work as, once', async () => {
    const user = (email: string) => ({ email, password: 'some-password-1', roles: ['agent'], agent: 'SIP/2001' });
    const first = await call('/api/v1/users', admin, { method: 'POST', body: JSON.stringify(user('a1@test.local')) });
    expect(await first.json()).toMatchObject({ agent: 'SIP/2001' });
    const own = await login(app.url, { email: 'a1@test.local', password: 'some-password-1' });
    expect(await (await call('/api/v1/auth/me', own)).json()).toMatchObject({ kind: 'user', agent: 'SIP/2001' });
    const second = await call('/api/v1/users', admin, { method: 'POST', body: JSON.stringify(user('a2@test.local')) });
    expect(second.status).toBe(409);
  });
});
