import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { nugetLockFormat } from './nuget-lock.js';

const TEXT = readFileSync(fileURLToPath(new URL('./__fixtures__/orders-service/packages.lock.json', import.meta.url)), 'utf8');

function input(text: string): LockfileInput {
  return { path: 'src/Orders/packages.lock.json', text, readSibling: () => undefined };
}

describe('lockfiles/dotnet/nuget-lock', () => {
  it('merges packages across target frameworks and leaves out project references', () => {
    const { packages, problems } = nugetLockFormat.parse(input(TEXT));
    expect(problems).toEqual([]);
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'Newtonsoft.Json@12.0.1',
      'Serilog.Sinks.Console@4.0.1',
      'Serilog@2.10.0',
      'NETStandard.Library@2.0.3',
      'Microsoft.NETCore.Platforms@1.1.0',
    ]);
    expect(packages.every((p) => p.ecosystem === 'NuGet')).toBe(true);
  });

  it('takes direct from the Direct type and gives the first line of each package', () => {
    const { packages } = nugetLockFormat.parse(input(TEXT));
    expect(packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['Newtonsoft.Json', 'Serilog.Sinks.Console', 'NETStandard.Library']);
    expect(packages.map((p) => p.line)).toEqual([5, 11, 20, 33, 57]);
  });

  it('links dependencies to the version resolved in the same framework', () => {
    const { packages } = nugetLockFormat.parse(input(TEXT));
    const sink = packages.find((p) => p.name === 'Serilog.Sinks.Console');
    const serilog = packages.find((p) => p.name === 'Serilog');
    expect(sink?.dependsOn).toEqual([serilog?.key]);
    const library = packages.find((p) => p.name === 'NETStandard.Library');
    expect(library?.dependsOn).toEqual([packages.find((p) => p.name === 'Microsoft.NETCore.Platforms')?.key]);
  });

  it('treats CentralTransitive (central package management, lock version 2) as transitive', () => {
    const text = JSON.stringify({
      version: 2,
      dependencies: {
        'net8.0': {
          'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.1, )', resolved: '13.0.1', contentHash: 'x' },
          'System.Text.Json': { type: 'CentralTransitive', requested: '[8.0.4, )', resolved: '8.0.4', contentHash: 'y' },
        },
      },
    });
    const { packages } = nugetLockFormat.parse(input(text));
    expect(packages.map((p) => [p.name, p.version, p.direct])).toEqual([
      ['Newtonsoft.Json', '13.0.1', true],
      ['System.Text.Json', '8.0.4', false],
    ]);
  });

  it('throws a LockfileError for broken JSON or a file without dependencies', () => {
    expect(() => nugetLockFormat.parse(input('{\n  "version": 1,\n  "dependencies": {\n    "net6.0": {\n'))).toThrow(LockfileError);
    expect(() => nugetLockFormat.parse(input('{"version": 1}'))).toThrow(LockfileError);
  });
});
