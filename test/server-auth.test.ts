import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './server/helper.js';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const match = /bulwark_session=([^;]*)/.exec(header ?? '');
  if (match === null) throw new Error(`no session cookie in ${String(header)}`);
  return `bulwark_session=${match[1]}`;
}

describe.each(testDatabases())('server auth (%s)', (kind) => {
  let server: TestServer;
  let alice: { token: string; user: { id: number } };

  beforeAll(async () => {
    server = await createTestServer(kind);
    alice = await server.createUser('alice');
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers health and serves the OpenAPI document', async () => {
    const health = await server.call('GET', '/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: kind });
    const doc = await server.call('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys((doc.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toContain('/api/v1/projects/{id}/pipelines/{pid}/reports');
    // A valid OpenAPI 3 document (every $ref resolves).
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    await expect(SwaggerParser.validate(doc.json() as never)).resolves.toBeDefined();
  });

  it('signs in with a password, sets an HttpOnly SameSite=Lax cookie, and signs out', async () => {
    const login = await server.call('POST', '/api/v1/session', undefined, { username: 'ALICE', password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionCookie(login.headers['set-cookie']);
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/user', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'alice', isAdmin: false });
    const logout = await server.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/user', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await server.call('POST', '/api/v1/session', undefined, { username: 'alice', password: 'nope' });
    const unknown = await server.call('POST', '/api/v1/session', undefined, { username: 'mallory', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid-credentials' });
    expect(unknown.json().message).toBe(wrong.json().message);
    const events = await server.database.db.selectFrom('audit_events').select(['action', 'actor_name']).where('action', 'like', 'login.%').execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'login.failure', actor_name: 'alice' },
        { action: 'login.failure', actor_name: 'mallory' },
        { action: 'login.success', actor_name: 'alice' },
      ]),
    );
  });

  it('creates a token once, stores only its hash, uses it, audits use at most hourly, and revokes it', async () => {
    const created = await server.call('POST', '/api/v1/user/tokens', alice.token, { name: 'ci', scopes: ['read_api'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: number };
    expect(token).toMatch(/^bwk_[A-Za-z0-9_-]{43}$/);
    const stored = await server.database.db.selectFrom('personal_access_tokens').select(['token_hash']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await server.call('GET', '/api/v1/user', token)).statusCode).toBe(200);
    expect((await server.call('GET', '/api/v1/user', token)).statusCode).toBe(200);
    const uses = await server.database.db.selectFrom('audit_events').select('id').where('action', '=', 'token.used').where('actor_token_id', '=', id).execute();
    expect(uses).toHaveLength(1);
    const used = await server.database.db.selectFrom('personal_access_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    // read_api cannot write.
    const write = await server.call('POST', '/api/v1/user/tokens', token, { name: 'x', scopes: ['api'] });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'insufficient-scope' });
    const revoke = await server.call('DELETE', `/api/v1/user/tokens/${id}`, alice.token);
    expect(revoke.statusCode).toBe(204);
    const denied = await server.call('GET', '/api/v1/user', token);
    expect(denied.statusCode).toBe(401);
    expect(denied.json()).toMatchObject({ code: 'invalid-token' });
  });

  it('refuses expired, malformed and made-up tokens', async () => {
    const db = server.database.db;
    const created = await server.call('POST', '/api/v1/user/tokens', alice.token, { name: 'short', scopes: ['api'] });
    const { token, id } = created.json() as { token: string; id: number };
    await db.updateTable('personal_access_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect((await server.call('GET', '/api/v1/user', token)).statusCode).toBe(401);
    expect((await server.call('GET', '/api/v1/user', 'bwk_' + 'A'.repeat(43))).statusCode).toBe(401);
    const basic = await server.app.inject({ method: 'GET', url: '/api/v1/user', headers: { authorization: 'Basic YWxpY2U6eA==' } });
    expect(basic.statusCode).toBe(401);
    expect((await server.call('GET', '/api/v1/user')).statusCode).toBe(401);
  });

  it('refuses token expiry beyond the configured maximum or in the past', async () => {
    const far = await server.call('POST', '/api/v1/user/tokens', alice.token, { name: 'far', scopes: ['api'], expiresAt: '2999-01-01' });
    expect(far.statusCode).toBe(400);
    const past = await server.call('POST', '/api/v1/user/tokens', alice.token, { name: 'past', scopes: ['api'], expiresAt: '2001-01-01' });
    expect(past.statusCode).toBe(400);
    const scope = await server.call('POST', '/api/v1/user/tokens', alice.token, { name: 'bad', scopes: ['sudo'] });
    expect(scope.statusCode).toBe(400);
  });

  it('never logs secrets: passwords and tokens stay out of the audit details', async () => {
    const rows = await server.database.db.selectFrom('audit_events').select(['details', 'actor_name']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(alice.token);
  });
});
