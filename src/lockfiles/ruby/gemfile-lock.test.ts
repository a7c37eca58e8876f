import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { gemfileLockFormat } from './gemfile-lock.js';

const TEXT = readFileSync(fileURLToPath(new URL('./__fixtures__/webshop/Gemfile.lock', import.meta.url)), 'utf8');

function input(text: string): LockfileInput {
  return { path: 'Gemfile.lock', text, readSibling: () => undefined };
}

function gem(packages: readonly LockedPackage[], name: string): LockedPackage | undefined {
  return packages.find((p) => p.name === name);
}

describe('lockfiles/ruby/gemfile-lock', () => {
  it('lists GEM and GIT specs once each, leaving out the PATH project itself', () => {
    const { packages, problems } = gemfileLockFormat.parse(input(TEXT));
    expect(problems).toEqual([]);
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'factory_bot@6.2.1',
      'activesupport@6.1.4.1',
      'concurrent-ruby@1.1.9',
      'i18n@1.8.11',
      'mini_portile2@2.8.0',
      'minitest@5.14.4',
      'nokogiri@1.13.3',
      'racc@1.6.0',
      'rack@2.2.3',
      'rack-test@1.1.0',
      'tzinfo@2.0.4',
      'zeitwerk@2.5.1',
    ]);
    expect(packages.every((p) => p.ecosystem === 'RubyGems')).toBe(true);
  });

  it('takes direct gems from DEPENDENCIES and from the gemspec (PATH) dependencies', () => {
    const { packages } = gemfileLockFormat.parse(input(TEXT));
    expect(packages.filter((p) => p.direct === true).map((p) => p.name)).toEqual(['factory_bot', 'nokogiri', 'rack', 'rack-test']);
  });

  it('records spec lines and dependency edges, merging platform builds', () => {
    const { packages } = gemfileLockFormat.parse(input(TEXT));
    expect(gem(packages, 'nokogiri')).toMatchObject({ line: 29, dependsOn: ['mini_portile2@2.8.0', 'racc@1.6.0'] });
    expect(gem(packages, 'rack')?.line).toBe(35);
    expect(gem(packages, 'activesupport')?.dependsOn).toEqual(['concurrent-ruby@1.1.9', 'i18n@1.8.11', 'minitest@5.14.4', 'tzinfo@2.0.4', 'zeitwerk@2.5.1']);
  });

  it('strips a platform suffix from the version', () => {
    const text = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.13.10-x86_64-linux)\n      racc (~> 1.4)\n\nDEPENDENCIES\n  nokogiri\n';
    const { packages } = gemfileLockFormat.parse(input(text));
    expect(packages.map((p) => [p.name, p.version, p.direct])).toEqual([['nokogiri', '1.13.10', true]]);
  });

  it('warns about a spec line it cannot read and keeps the rest', () => {
    const text = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.2.3)\n    broken entry here\n    racc (1.6.0)\n\nDEPENDENCIES\n  rack\n';
    const { packages, problems } = gemfileLockFormat.parse(input(text));
    expect(packages.map((p) => p.name)).toEqual(['rack', 'racc']);
    expect(problems).toEqual([expect.objectContaining({ code: 'unreadable-line', line: 5, level: 'warn' })]);
  });

  it('throws a LockfileError for text that is not a Gemfile.lock or holds a merge conflict', () => {
    expect(() => gemfileLockFormat.parse(input('source "https://rubygems.org"\ngem "rails"\n'))).toThrow(LockfileError);
    expect(() => gemfileLockFormat.parse(input('GEM\n  specs:\n<<<<<<< HEAD\n    rack (2.2.3)\n'))).toThrow(/line 3|:3:/);
  });
});
