import { describe, expect, it } from 'vitest';
import { loadConfig, parseSize, parseSlaDays } from './config.js';

describe('server/config', () => {
  it('takes flags over the environment and checks every value', () => {
    const config = loadConfig({ port: '9000', host: '0.0.0.0' }, { BULWARK_PORT: '1', DATABASE_URL: 'postgres://x/y', BULWARK_INGEST_BODY_LIMIT: '20MB' });
    expect(config.ok && config.value).toMatchObject({ port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://x/y', ingestBodyLimit: 20 * 1024 * 1024 });
    expect(loadConfig({ port: 'eighty' }, {})).toMatchObject({ ok: false });
    expect(loadConfig({}, { BULWARK_UUID_NAMESPACE: 'nope' })).toMatchObject({ ok: false });
    expect(loadConfig({}, { BULWARK_BODY_LIMIT: '-1' })).toMatchObject({ ok: false });
    const https = loadConfig({}, { BULWARK_PUBLIC_URL: 'https://bulwark.example.com' });
    expect(https.ok && https.value.secureCookies).toBe(true);
  });

  it('reads sizes and SLA days', () => {
    expect(parseSize('100MB')).toBe(100 * 1024 * 1024);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('lots')).toBeUndefined();
    const sla = parseSlaDays('critical=3, low=none');
    expect(sla.ok && sla.value).toMatchObject({ critical: 3, high: 30, low: null });
    expect(parseSlaDays('urgent=1').ok).toBe(false);
    expect(parseSlaDays('high=0').ok).toBe(false);
  });
});
