import { describe, expect, it } from 'vitest';
import { baseEcosystem, indexKeys, normalizePackageName, packageKey } from './names.js';

describe('advisories/names', () => {
  it.each([
    // PEP 503: lower case, each run of "-", "_", "." becomes a single "-".
    ['PyPI', 'Django', 'django'],
    ['PyPI', 'Jupyter_Server', 'jupyter-server'],
    ['PyPI', 'zope.interface', 'zope-interface'],
    ['PyPI', 'Foo.-_Bar', 'foo-bar'],
    ['PyPI', 'foo__bar', 'foo-bar'],
    // NuGet ids and Composer names are case-insensitive.
    ['NuGet', 'Newtonsoft.Json', 'newtonsoft.json'],
    ['Packagist', 'Symfony/HTTP-Kernel', 'symfony/http-kernel'],
    // crates.io ignores case but keeps "-" and "_" apart.
    ['crates.io', 'Serde_JSON', 'serde_json'],
    ['crates.io', 'serde-json', 'serde-json'],
    // Exact everywhere else.
    ['npm', 'JSONStream', 'JSONStream'],
    ['npm', '@Scope/Pkg', '@Scope/Pkg'],
    ['Go', 'github.com/BurntSushi/toml', 'github.com/BurntSushi/toml'],
    ['Maven', 'org.Apache:Commons', 'org.Apache:Commons'],
    ['RubyGems', 'RedCloth', 'RedCloth'],
    ['Alpine:v3.11', 'Py3-Foo_Bar', 'Py3-Foo_Bar'],
  ])('%s %j compares as %j', (ecosystem, name, normal) => {
    expect(normalizePackageName(ecosystem, name)).toBe(normal);
  });

  it('keeps ecosystems apart in the key', () => {
    expect(packageKey('PyPI', 'Django')).toBe(packageKey('PyPI', 'django'));
    expect(packageKey('PyPI', 'django')).not.toBe(packageKey('npm', 'django'));
    expect(packageKey('Alpine:v3.11', 'vte')).not.toBe(packageKey('Alpine:v3.10', 'vte'));
    expect(packageKey('npm', 'a')).not.toBe(packageKey('np', 'ma'));
  });

  it('files a release-qualified ecosystem under its base ecosystem too', () => {
    expect(baseEcosystem('Alpine:v3.11')).toBe('Alpine');
    expect(baseEcosystem('Debian:12')).toBe('Debian');
    expect(baseEcosystem('npm')).toBe('npm');
    expect(indexKeys('Alpine:v3.11', 'vte')).toEqual([packageKey('Alpine:v3.11', 'vte'), packageKey('Alpine', 'vte')]);
    expect(indexKeys('PyPI', 'Django')).toEqual([packageKey('PyPI', 'django')]);
  });
});
