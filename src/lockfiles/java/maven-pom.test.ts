import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { mavenPomFormat } from './maven-pom.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

/** `path` is relative to the fixture case, which stands for the scanned root. */
function fixture(caseName: string, path: string): LockfileInput {
  const folder = posix.dirname(path);
  const read = (relative: string): string | undefined => {
    const target = posix.normalize(posix.join(folder, relative));
    if (target.startsWith('..')) return undefined;
    try {
      return readFileSync(`${FIXTURES}${caseName}/${target}`, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { path, text: read(posix.basename(path)) ?? '', readSibling: read };
}

describe('lockfiles/java/maven-pom', () => {
  it('resolves versions from properties, dependency management and project coordinates', () => {
    const { packages } = mavenPomFormat.parse(fixture('maven-properties', 'pom.xml'));
    expect(packages.map((p) => [p.name, p.version, p.line])).toEqual([
      ['org.apache.logging.log4j:log4j-core', '2.14.1', 42],
      ['com.fasterxml.jackson.core:jackson-databind', '2.9.8', 47],
      ['org.apache.commons:commons-lang3', '3.9', 52],
      ['com.google.guava:guava', '[30.0-jre,31.0-jre)', 56],
      ['com.example.shop:order-api', '1.4.2', 61],
      ['javax.servlet:javax.servlet-api', '4.0.1', 73],
      ['org.junit.jupiter:junit-jupiter', '', 79],
      ['org.mockito:mockito-core', '${mockito.version}', 84],
    ]);
    expect(packages.every((p) => p.direct === true && p.ecosystem === 'Maven')).toBe(true);
  });

  it('marks test and provided scopes as dev, and ranges and unresolved versions as unpinned', () => {
    const { packages } = mavenPomFormat.parse(fixture('maven-properties', 'pom.xml'));
    expect(packages.filter((p) => p.dev).map((p) => p.name)).toEqual(['javax.servlet:javax.servlet-api', 'org.junit.jupiter:junit-jupiter', 'org.mockito:mockito-core']);
    expect(packages.filter((p) => p.unpinned).map((p) => p.name)).toEqual(['com.google.guava:guava', 'org.junit.jupiter:junit-jupiter', 'org.mockito:mockito-core']);
  });

  it('says which versions it could not resolve', () => {
    const { problems } = mavenPomFormat.parse(fixture('maven-properties', 'pom.xml'));
    expect(problems.map((p) => [p.code, p.line, p.level])).toEqual([
      ['unresolved-version', 79, 'info'],
      ['unresolved-version', 84, 'info'],
    ]);
    expect(problems[1]?.message).toContain('mockito.version');
  });

  it('reads a module with versions managed by its parent POM, the module overriding a property', () => {
    const { packages, problems } = mavenPomFormat.parse(fixture('maven-multi-module', 'service/pom.xml'));
    expect(problems).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.line, p.unpinned ?? false])).toEqual([
      ['org.apache.logging.log4j:log4j-core', '2.17.1', 23, false],
      ['org.apache.commons:commons-text', '1.9', 27, false],
      ['com.example.platform:platform-model', '2.3.0', 31, false],
    ]);
  });

  it('applies a managed scope to a dependency that declares none', () => {
    const { packages } = mavenPomFormat.parse(fixture('maven-multi-module', 'pom.xml'));
    expect(packages).toEqual([expect.objectContaining({ name: 'junit:junit', version: '4.12', dev: true, line: 45 })]);
  });

  it('does not expand entities of a DOCTYPE (billion laughs, external entity)', () => {
    const started = Date.now();
    const { packages } = mavenPomFormat.parse(fixture('maven-billion-laughs', 'pom.xml'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(packages).toHaveLength(1);
    expect(packages[0]).toMatchObject({ name: 'org.apache.logging.log4j:log4j-core', line: 24 });
    expect(packages[0]?.version).toBe('&lol9;&xxe;');
  });

  it('throws a LockfileError with the line of malformed XML, or for XML that is not a POM', () => {
    const broken: LockfileInput = { path: 'pom.xml', text: '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n', readSibling: () => undefined };
    expect(() => mavenPomFormat.parse(broken)).toThrow(LockfileError);
    expect(() => mavenPomFormat.parse(broken)).toThrow(/line 4/);
    expect(() => mavenPomFormat.parse({ ...broken, text: '<settings><servers/></settings>' })).toThrow(LockfileError);
    expect(() => mavenPomFormat.parse({ ...broken, text: '<project>\n<!-- never closed\n</project>' })).toThrow(LockfileError);
  });
});
