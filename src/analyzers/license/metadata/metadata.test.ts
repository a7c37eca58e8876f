import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cargoTomlReader } from './cargo.js';
import { composerInstalledReader } from './composer.js';
import { gemspecReader } from './gemspec.js';
import { METADATA_READERS } from './index.js';
import { npmPackageJsonReader } from './npm.js';
import { parseMetadataHeaders, pythonMetadataReader } from './python.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/** Read a fixture file the way the scan would: `path` is relative to the scanned root `root`. */
function readFixture(reader: MetadataReader, root: string, path: string): readonly PackageMetadata[] {
  const text = readFileSync(new URL(`./__fixtures__/${root}/${path}`, import.meta.url), 'utf8');
  expect(reader.matches(path)).toBe(true);
  const result = reader.read(path, text);
  if (!result.ok) throw new Error(`unexpected problem: ${result.error.message}`);
  return result.value;
}

describe('analyzers/license/metadata npm', () => {
  const read = (path: string): readonly PackageMetadata[] => readFixture(npmPackageJsonReader, 'npm', path);

  it.each([
    'node_modules/left-pad/package.json',
    'node_modules/@types/node/package.json',
    'node_modules/debug/node_modules/ms/package.json',
    'app/node_modules/.pnpm/ms@2.0.0/node_modules/ms/package.json',
  ])('reads %s', (path) => {
    expect(npmPackageJsonReader.matches(path)).toBe(true);
  });

  it.each(['package.json', 'node_modules/left-pad/lib/package.json', 'node_modules/@types/package.json', 'node_modules/.bin/package.json', 'src/package.json'])(
    'leaves %s alone: not the root of an installed package',
    (path) => {
      expect(npmPackageJsonReader.matches(path)).toBe(false);
    },
  );

  it('reads name, version and license', () => {
    expect(read('node_modules/left-pad/package.json')).toEqual([{ ecosystem: 'npm', name: 'left-pad', version: '1.3.0', licenses: ['WTFPL'] }]);
    expect(read('node_modules/@types/node/package.json')).toEqual([{ ecosystem: 'npm', name: '@types/node', version: '20.11.30', licenses: ['MIT'] }]);
    expect(read('node_modules/debug/node_modules/ms/package.json')).toEqual([{ ecosystem: 'npm', name: 'ms', version: '2.0.0', licenses: ['MIT'] }]);
  });

  it('reads the legacy {type, url} license object', () => {
    expect(read('node_modules/typedarray/package.json')[0]?.licenses).toEqual(['MIT']);
  });

  it('reads the legacy licenses array as alternatives, correcting loose names', () => {
    // "AFLv2.1" is AFL-2.1; "BSD" is BSD-2-Clause in spdx-correct's table.
    expect(read('node_modules/json-schema/package.json')[0]?.licenses).toEqual(['AFL-2.1 OR BSD-2-Clause']);
  });

  it('keeps SEE LICENSE IN as declared and points at the file, and takes the name from the manifest', () => {
    expect(read('node_modules/internal-tool/package.json')).toEqual([
      {
        ecosystem: 'npm',
        name: '@acme/internal-tool',
        version: '4.2.0',
        licenses: ['SEE LICENSE IN EULA.txt'],
        licenseFiles: ['node_modules/internal-tool/EULA.txt'],
      },
    ]);
  });

  it('keeps UNLICENSED as declared', () => {
    expect(read('node_modules/acme-private/package.json')[0]?.licenses).toEqual(['UNLICENSED']);
  });

  it('reports malformed JSON as a problem naming the file', () => {
    const path = 'node_modules/broken/package.json';
    const result = npmPackageJsonReader.read(path, readFileSync(new URL(`./__fixtures__/npm/${path}`, import.meta.url), 'utf8'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('license-metadata-unreadable');
      expect(result.error.file).toBe(path);
      expect(result.error.message).toContain('not valid JSON');
    }
  });

  it('does not point outside the package for SEE LICENSE IN ../../secret', () => {
    const result = npmPackageJsonReader.read('node_modules/x/package.json', '{"name":"x","license":"SEE LICENSE IN ../../etc/passwd"}');
    expect(result.ok && result.value[0]?.licenseFiles).toBeFalsy();
  });

  it('returns no package for a JSON value that is not an object', () => {
    expect(npmPackageJsonReader.read('node_modules/x/package.json', '[1,2]').ok).toBe(false);
  });
});

describe('analyzers/license/metadata python', () => {
  const read = (path: string): readonly PackageMetadata[] => readFixture(pythonMetadataReader, 'python', path);

  it('prefers the License field to the classifiers, and never reads the description', () => {
    expect(read('site-packages/requests-2.31.0.dist-info/METADATA')).toEqual([{ ecosystem: 'PyPI', name: 'requests', version: '2.31.0', licenses: ['Apache-2.0'], licenseFiles: ['site-packages/requests-2.31.0.dist-info/LICENSE'] }]);
  });

  it('prefers License-Expression (PEP 639) and finds License-File under licenses/ from metadata 2.4', () => {
    expect(read('site-packages/attrs-25.1.0.dist-info/METADATA')).toEqual([
      { ecosystem: 'PyPI', name: 'attrs', version: '25.1.0', licenses: ['MIT'], licenseFiles: ['site-packages/attrs-25.1.0.dist-info/licenses/LICENSE'] },
    ]);
  });

  it('falls back to the classifiers, keeping one it cannot map as declared', () => {
    expect(read('site-packages/packaging-24.2.dist-info/METADATA')[0]?.licenses).toEqual(['Apache-2.0', 'License :: OSI Approved :: BSD License']);
  });

  it('skips License: UNKNOWN and reads the classifier of an old egg-info', () => {
    expect(read('site-packages/pyparsing-1.5.7-py2.7.egg-info/PKG-INFO')).toEqual([{ ecosystem: 'PyPI', name: 'pyparsing', version: '1.5.7', licenses: ['GPL-2.0-or-later'] }]);
  });

  it('identifies a whole license text put in the License field', () => {
    expect(read('site-packages/tinyrpc-0.9.4.dist-info/METADATA')[0]?.licenses).toEqual(['MIT']);
  });

  it('keeps a free-text license name as declared', () => {
    expect(read('site-packages/legacy_tool-0.4.dist-info/METADATA')[0]).toEqual({ ecosystem: 'PyPI', name: 'legacy-tool', version: '0.4', licenses: ['Dual License'] });
  });

  it('drops a License field that holds a text it cannot identify', () => {
    const text = `Metadata-Version: 2.1\nName: odd\nVersion: 1.0\nLicense: This is our own license.\n        You may use it on Tuesdays only, and never on a Friday afternoon before a release.\n`;
    expect(pythonMetadataReader.read('odd-1.0.dist-info/METADATA', text)).toEqual({ ok: true, value: [{ ecosystem: 'PyPI', name: 'odd', version: '1.0', licenses: [] }] });
  });

  it('takes name and version from the folder when the fields are missing', () => {
    expect(pythonMetadataReader.read('lib/six-1.16.0.dist-info/METADATA', 'Metadata-Version: 2.1\n')).toEqual({ ok: true, value: [{ ecosystem: 'PyPI', name: 'six', version: '1.16.0', licenses: [] }] });
  });

  it('parses folded header lines and stops at the body', () => {
    const fields = parseMetadataHeaders('Name: x\nLicense: line one\n        line two\n\nLicense: body text\n');
    expect(fields.get('license')).toEqual(['line one\nline two']);
  });

  it.each(['requests.dist-info/RECORD', 'METADATA', 'pkg/PKG-INFO', 'foo.egg-info/requires.txt'])('leaves %s alone', (path) => {
    expect(pythonMetadataReader.matches(path)).toBe(false);
  });
});

describe('analyzers/license/metadata cargo', () => {
  const read = (path: string): readonly PackageMetadata[] => readFixture(cargoTomlReader, 'rust', path);

  it('reads a vendored crate', () => {
    expect(read('vendor/serde/Cargo.toml')).toEqual([{ ecosystem: 'crates.io', name: 'serde', version: '1.0.197', licenses: ['MIT OR Apache-2.0'] }]);
  });

  it("reads the old '/' separator as OR, as Cargo documents", () => {
    expect(read('vendor/winapi/Cargo.toml')[0]?.licenses).toEqual(['MIT OR Apache-2.0']);
  });

  it('points at license-file', () => {
    expect(read('vendor/ring/Cargo.toml')).toEqual([{ ecosystem: 'crates.io', name: 'ring', version: '0.16.20', licenses: [], licenseFiles: ['vendor/ring/LICENSE'] }]);
  });

  it('leaves out fields inherited from a workspace it cannot see', () => {
    expect(read('vendor/my-inherited/Cargo.toml')).toEqual([{ ecosystem: 'crates.io', name: 'my-inherited', licenses: [] }]);
  });

  it('reports malformed TOML', () => {
    const result = cargoTomlReader.read('vendor/broken/Cargo.toml', readFileSync(new URL('./__fixtures__/rust/vendor/broken/Cargo.toml', import.meta.url), 'utf8'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('not valid TOML');
  });

  it('reads crates in a Cargo registry cache, not the project or its workspace members', () => {
    expect(cargoTomlReader.matches('.cargo/registry/src/index.crates.io-6f17d22bba15001f/serde-1.0.197/Cargo.toml')).toBe(true);
    expect(cargoTomlReader.matches('Cargo.toml')).toBe(false);
    expect(cargoTomlReader.matches('crates/core/Cargo.toml')).toBe(false);
  });
});

describe('analyzers/license/metadata gemspec', () => {
  const read = (path: string): readonly PackageMetadata[] => readFixture(gemspecReader, 'ruby', path);

  it('reads an installed specification', () => {
    expect(read('specifications/rake-13.0.6.gemspec')).toEqual([{ ecosystem: 'RubyGems', name: 'rake', version: '13.0.6', licenses: ['MIT'] }]);
  });

  it('joins several licenses as alternatives', () => {
    expect(read('specifications/json-2.7.1.gemspec')[0]?.licenses).toEqual(['Ruby OR BSD-2-Clause']);
  });

  it('reads %w[] licenses and leaves out a version computed by code', () => {
    expect(read('src/mygem/mygem.gemspec')).toEqual([{ ecosystem: 'RubyGems', name: 'mygem', licenses: ['MIT OR Apache-2.0'] }]);
  });

  it('reads %q{} strings and corrects a loose license name', () => {
    // spdx-correct turns "GPL-2" into GPL-2.0-only.
    expect(read('specifications/oldlib-0.1.0.gemspec')).toEqual([{ ecosystem: 'RubyGems', name: 'oldlib', version: '0.1.0', licenses: ['GPL-2.0-only'] }]);
  });

  it('falls back to the installed file name for name and version', () => {
    expect(gemspecReader.read('specifications/nokogiri-1.15.4-x86_64-linux.gemspec', 'Gem::Specification.new do |s|\nend\n')).toEqual({
      ok: true,
      value: [{ ecosystem: 'RubyGems', name: 'nokogiri', version: '1.15.4-x86_64-linux', licenses: [] }],
    });
  });
});

describe('analyzers/license/metadata composer', () => {
  const read = (path: string): readonly PackageMetadata[] => readFixture(composerInstalledReader, 'php/v2', path);

  it('reads Composer 2 installed.json; a license array means "or"', () => {
    expect(read('vendor/composer/installed.json')).toEqual([
      { ecosystem: 'Packagist', name: 'monolog/monolog', version: '3.5.0', licenses: ['MIT'] },
      { ecosystem: 'Packagist', name: 'psr/log', version: '3.0.0', licenses: ['MIT'] },
      { ecosystem: 'Packagist', name: 'acme/dual-licensed', version: 'v1.2.0', licenses: ['LGPL-2.1-only OR GPL-3.0-or-later'] },
      { ecosystem: 'Packagist', name: 'acme/closed', version: 'dev-main', licenses: ['proprietary'] },
    ]);
  });

  it('reads Composer 1 installed.json', () => {
    expect(readFixture(composerInstalledReader, 'php/v1', 'vendor/composer/installed.json').map((found) => found.name)).toEqual(['guzzlehttp/guzzle', 'symfony/polyfill-intl-idn']);
  });

  it('reports a file of another shape', () => {
    expect(composerInstalledReader.read('vendor/composer/installed.json', '{"packages": 3}').ok).toBe(false);
  });
});

describe('analyzers/license/metadata readers', () => {
  it('have unique ids, each claiming its own files', () => {
    expect(new Set(METADATA_READERS.map((reader) => reader.id)).size).toBe(METADATA_READERS.length);
    const claims = (path: string): string[] => METADATA_READERS.filter((reader) => reader.matches(path)).map((reader) => reader.id);
    expect(claims('node_modules/ms/package.json')).toEqual(['npm/package-json']);
    expect(claims('six-1.16.0.dist-info/METADATA')).toEqual(['pypi/core-metadata']);
    expect(claims('vendor/serde/Cargo.toml')).toEqual(['crates.io/cargo-toml']);
    expect(claims('specifications/rake-13.0.6.gemspec')).toEqual(['rubygems/gemspec']);
    expect(claims('vendor/composer/installed.json')).toEqual(['packagist/installed-json']);
    expect(claims('README.md')).toEqual([]);
  });

  it('never throw on hostile input', () => {
    const inputs = ['', '\u0000\u0001', '{"name": {"x": 1}, "license": [[[]]]}', 'x'.repeat(100_000), '[package]\nname = 5\n', 's.licenses = ["'];
    for (const reader of METADATA_READERS) {
      for (const text of inputs) expect(() => reader.read('vendor/composer/installed.json', text)).not.toThrow();
    }
  });
});
