import { describe, expect, it } from 'vitest';
import { createTestServer, testDatabases } from './server/helper.js';

describe.each(testDatabases())('server health (%s)', (kind) => {
  it('answers 503 when the database is gone, and logs no secret on the way', async () => {
    const server = await createTestServer(kind);
    expect((await server.call('GET', '/api/health')).statusCode).toBe(200);
    await server.database.close();
    const res = await server.call('GET', '/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable' });
    // Any other route fails closed with a 500 that hides the cause.
    const other = await server.call('GET', '/api/v1/user', 'bwk_' + 'x'.repeat(43));
    expect(other.statusCode).toBe(500);
    expect(other.json()).toMatchObject({ code: 'internal-error' });
    expect(other.body).not.toMatch(/pglite|postgres|ECONN|closed/i);
    await server.app.close();
  });
});

describe('server logs', () => {
  it('writes JSON lines with request ids and keeps passwords, tokens and cookies out', async () => {
    const { Writable } = await import('node:stream');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
        done();
      },
    });
    const { buildApp } = await import('../src/server/app.js');
    const { defaultConfig } = await import('../src/server/config.js');
    const base = await createTestServer('pglite');
    const { token, password } = await base.createUser('logger');
    const app = await buildApp({ config: defaultConfig(), db: base.database.db, databaseKind: 'pglite', logger: { level: 'info', stream } });
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'logger', password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    await app.inject({ method: 'GET', url: '/api/v1/user', headers: { authorization: `Bearer ${token}`, cookie } });
    await app.close();
    await base.close();
    expect(lines.length).toBeGreaterThan(2);
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
    expect(parsed.filter((p) => typeof p.reqId === 'string').length).toBeGreaterThan(2);
    const all = lines.join('\n');
    expect(all).not.toContain(password);
    expect(all).not.toContain(token);
    expect(all).not.toContain(cookie.split('=')[1] ?? 'no-cookie');
  });
});
