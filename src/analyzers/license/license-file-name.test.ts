import { describe, expect, it } from 'vitest';
import { isLicenseFileName } from './license-file-name.js';

describe('analyzers/license/license-file-name isLicenseFileName', () => {
  it.each([
    'LICENSE',
    'license',
    'LICENCE',
    'License.txt',
    'LICENSE.md',
    'LICENSE.rst',
    'LICENSE.markdown',
    'COPYING',
    'COPYING.LESSER',
    'COPYING.LIB',
    'COPYING3',
    'UNLICENSE',
    'LICENSE-MIT',
    'LICENSE-APACHE',
    'LICENSE_APACHE2.txt',
    'LICENSE.MIT',
    'LICENSE.BSD',
    'MIT-LICENSE',
    'MIT-LICENSE.txt',
    'GPL_LICENSE',
  ])('%s is a license file', (name) => {
    expect(isLicenseFileName(name)).toBe(true);
  });

  it.each([
    'NOTICE',
    'NOTICE.txt',
    'README.md',
    'license.ts',
    'license.js',
    'LICENSE.json',
    'license.d.ts',
    'license-checker.js',
    'licenses.yml',
    'THIRD-PARTY-LICENSES',
    'THIRD_PARTY_NOTICES.txt',
    'CHANGELOG.md',
    'LICENSE.html',
    'mylicense',
  ])('%s is not', (name) => {
    expect(isLicenseFileName(name)).toBe(false);
  });
});
