import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { gradleLockfileFormat } from './gradle-lockfile.js';

const TEXT = readFileSync(fileURLToPath(new URL('./__fixtures__/gradle-lockfile/gradle.lockfile', import.meta.url)), 'utf8');

function input(text: string): LockfileInput {
  return { path: 'gradle.lockfile', text, readSibling: () => undefined };
}

describe('lockfiles/java/gradle-lockfile', () => {
  it('reads group:artifact:version lines with Maven names and their lines', () => {
    const { packages, problems } = gradleLockfileFormat.parse(input(TEXT));
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(18);
    expect(packages.find((p) => p.name === 'org.apache.logging.log4j:log4j-core')).toMatchObject({ version: '2.14.1', line: 14, ecosystem: 'Maven' });
    expect(packages.find((p) => p.name === 'com.fasterxml.jackson.core:jackson-databind')).toMatchObject({ version: '2.9.8', line: 6 });
    expect(packages.every((p) => p.direct === undefined)).toBe(true);
  });

  it('marks packages only in test configurations as dev', () => {
    const { packages } = gradleLockfileFormat.parse(input(TEXT));
    expect(packages.filter((p) => p.dev).map((p) => p.name)).toEqual([
      'org.apiguardian:apiguardian-api',
      'org.junit.jupiter:junit-jupiter-api',
      'org.junit.jupiter:junit-jupiter-engine',
      'org.junit.platform:junit-platform-commons',
      'org.junit.platform:junit-platform-engine',
      'org.opentest4j:opentest4j',
    ]);
  });

  it('warns about an unreadable line and keeps the rest', () => {
    const { packages, problems } = gradleLockfileFormat.parse(input('com.google.guava:guava:30.1.1-jre=compileClasspath\nnot-a-coordinate\nempty=\n'));
    expect(packages.map((p) => p.key)).toEqual(['com.google.guava:guava@30.1.1-jre']);
    expect(problems).toEqual([expect.objectContaining({ code: 'unreadable-line', line: 2, level: 'warn' })]);
  });

  it('throws a LockfileError when no line is a lock entry', () => {
    expect(() => gradleLockfileFormat.parse(input('plugins {\n  id "java"\n}\n'))).toThrow(LockfileError);
  });
});
