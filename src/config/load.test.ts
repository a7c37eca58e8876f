import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse.js';
import { parseSize } from './load.js';

describe('config/load', () => {
  it('accepts a full configuration', () => {
    const result = parseConfig(
      [
        'version: 1',
        'exclude: ["vendor/**", "**/*.min.js"]',
        'maxFileSize: 10MB',
        'failOn: high',
        'rules:',
        '  disable: [github-pat]',
        '  severity: { github-oauth-token: high }',
        'secrets:',
        '  rules:',
        '    - id: acme-internal-token',
        '      title: ACME internal token',
        '      pattern: "acme_[a-z0-9]{32}"',
        '      keywords: [acme_]',
        '  allowlist:',
        '    paths: ["test/fixtures/**"]',
        '    values: ["^dev-only-"]',
        '    stopwords: [fixture]',
      ].join('\n'),
      '.bulwark.yml',
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.secrets?.rules?.[0]?.id).toBe('acme-internal-token');
  });

  it('treats an empty file as an empty configuration', () => {
    expect(parseConfig('', '.bulwark.yml')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['exlude: []', 'unknown key "exlude"'],
    ['rules:\n  disabel: [x]', 'unknown key "rules.disabel"'],
    ['secrets:\n  allowlist:\n    path: [x]', 'unknown key "secrets.allowlist.path"'],
    ['failOn: severe', 'failOn'],
    ['rules:\n  severity: { github-pat: urgent }', 'rules.severity.github-pat'],
    ['secrets:\n  rules:\n    - id: x\n      pattern: "a("\n      keywords: [a]', 'secrets.rules[0].pattern is not a valid regular expression'],
    ['secrets:\n  rules:\n    - id: x\n      pattern: "abc"', 'secrets.rules[0]'],
    ['exclude: [a', 'not valid YAML'],
    ['maxFileSize: lots', 'maxFileSize'],
  ])('rejects %j naming the key', (text, expected) => {
    const result = parseConfig(text, '.bulwark.yml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(expected);
      expect(result.error).toContain('.bulwark.yml');
    }
  });

  it.each([
    ['2048', 2048],
    ['10MB', 10 * 1024 * 1024],
    ['512k', 512 * 1024],
    ['1GiB', 1024 ** 3],
    ['1.5m', 1.5 * 1024 * 1024],
    ['ten', null],
    ['0', null],
  ])('parses size %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});
