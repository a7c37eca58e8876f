import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { identifyLicenseText } from './identify.js';

const fixture = (path: string): string => readFileSync(new URL(`./__fixtures__/license-files/${path}`, import.meta.url), 'utf8');

const spdxTexts = createRequire(import.meta.url)('spdx-license-list/spdx-full.json') as Record<string, { licenseText: string }>;
const spdxText = (id: string): string => spdxTexts[id]?.licenseText ?? '';

// What each fixture is, read by hand (see __fixtures__/license-files/README.md).
const FIXTURES: readonly (readonly [string, string])[] = [
  ['mit/LICENSE', 'MIT'],
  ['mit-markdown/LICENSE.md', 'MIT'],
  ['isc/LICENSE', 'ISC'],
  ['bsd-2-clause/LICENSE', 'BSD-2-Clause'],
  ['bsd-3-clause/LICENSE.txt', 'BSD-3-Clause'],
  ['0bsd/LICENSE', '0BSD'],
  ['apache-2.0/LICENSE', 'Apache-2.0'],
  ['apache-2.0-no-appendix/LICENSE-APACHE', 'Apache-2.0'],
  ['gpl-2.0/COPYING', 'GPL-2.0-only'],
  ['gpl-2.0-or-later/COPYING', 'GPL-2.0-or-later'],
  ['gpl-3.0/COPYING', 'GPL-3.0-only'],
  ['gpl-3.0-or-later/LICENSE.md', 'GPL-3.0-or-later'],
  ['lgpl-2.1/COPYING.LIB', 'LGPL-2.1-only'],
  ['lgpl-3.0/COPYING.LESSER', 'LGPL-3.0-only'],
  ['agpl-3.0/LICENSE', 'AGPL-3.0-only'],
  ['mpl-2.0/LICENSE', 'MPL-2.0'],
  ['unlicense/UNLICENSE', 'Unlicense'],
  ['cc0-1.0/LICENSE', 'CC0-1.0'],
];

describe('analyzers/license/identify identifyLicenseText', () => {
  it.each(FIXTURES)('identifies %s as %s', (path, license) => {
    const match = identifyLicenseText(fixture(path));
    expect(match?.license).toBe(license);
    // A license as shipped differs from the SPDX text only in copyright lines and layout.
    expect(match?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'Apache-2.0', 'MPL-2.0', 'Unlicense', 'CC0-1.0', 'AGPL-3.0-only', 'LGPL-2.1-only'])(
    'identifies the SPDX text of %s as itself, with full confidence',
    (id) => {
      expect(identifyLicenseText(spdxText(id))).toEqual({ license: id, confidence: 1 });
    },
  );

  it('tells the BSD family and its neighbours apart', () => {
    expect(identifyLicenseText(fixture('bsd-3-clause/LICENSE.txt'))?.license).not.toBe('BSD-2-Clause');
    expect(identifyLicenseText(fixture('bsd-2-clause/LICENSE'))?.license).not.toBe('BSD-3-Clause');
    expect(identifyLicenseText(fixture('isc/LICENSE'))?.license).not.toBe('0BSD');
    expect(identifyLicenseText(fixture('0bsd/LICENSE'))?.license).not.toBe('ISC');
  });

  it('keeps an MIT text MIT whatever its copyright line says', () => {
    const text = fixture('mit/LICENSE').replace(
      'Copyright (c) 2016-2024 Northwind Traders Ltd. and contributors',
      'Copyright (c) 1999, 2001-2003, 2025 Zoë Ångström, Kristiansand Software Cooperative AS',
    );
    expect(identifyLicenseText(text)?.license).toBe('MIT');
  });

  it('does not call a GPL-3.0 text AGPL-3.0 or LGPL-3.0, nor an AGPL-3.0 text GPL-3.0', () => {
    expect(identifyLicenseText(fixture('gpl-3.0/COPYING'))?.license).toBe('GPL-3.0-only');
    expect(identifyLicenseText(fixture('agpl-3.0/LICENSE'))?.license).toBe('AGPL-3.0-only');
    expect(identifyLicenseText(fixture('lgpl-3.0/COPYING.LESSER'))?.license).toBe('LGPL-3.0-only');
  });

  it('says -only for a bare GNU text: the example notice in its appendix does not count', () => {
    // SPDX ships the same text for GPL-3.0-only and GPL-3.0-or-later; the text alone cannot tell.
    expect(identifyLicenseText(spdxText('GPL-3.0-or-later'))?.license).toBe('GPL-3.0-only');
    expect(identifyLicenseText(spdxText('GPL-2.0-or-later'))?.license).toBe('GPL-2.0-only');
    expect(identifyLicenseText(spdxText('LGPL-2.1-or-later'))?.license).toBe('LGPL-2.1-only');
  });

  it('says -or-later when the program notice beside the text says "or (at your option) any later version"', () => {
    const notice =
      'This library is free software; you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.\n\n';
    expect(identifyLicenseText(notice + spdxText('LGPL-2.1-only'))?.license).toBe('LGPL-2.1-or-later');
  });

  it('finds nothing in a README that is not a license', () => {
    expect(identifyLicenseText(fixture('readme/README.md'))).toBeUndefined();
  });

  it('finds nothing in a README that ends with a whole license: the file is more than the license', () => {
    const readme = fixture('readme/README.md');
    expect(identifyLicenseText(`${readme}\n${fixture('mit/LICENSE')}`)).toBeUndefined();
  });

  it.each([
    ['an empty file', ''],
    ['a one-line notice', 'Licensed under the MIT License.'],
    ['binary junk', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))],
  ])('finds nothing in %s', (_name, text) => {
    expect(identifyLicenseText(text)).toBeUndefined();
  });

  it('reads at most 256 KB of a huge file, quickly', () => {
    const varied = Array.from({ length: 400_000 }, (_, i) => `entry${i}`).join(' ');
    const huge = `${fixture('mit/LICENSE')}\n${varied}`;
    const started = performance.now();
    expect(identifyLicenseText(huge)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('identifies 1,000 license files (timing printed, not asserted)', () => {
    identifyLicenseText(fixture('mit/LICENSE'));
    const texts = FIXTURES.map(([path]) => fixture(path));
    let started = performance.now();
    let identified = 0;
    for (let i = 0; i < 1_000; i += 1) if (identifyLicenseText(texts[i % texts.length] ?? '')) identified += 1;
    const mixed = performance.now() - started;
    const mit = fixture('mit/LICENSE');
    started = performance.now();
    for (let i = 0; i < 1_000; i += 1) identifyLicenseText(mit);
    const typical = performance.now() - started;
    console.log(
      `license identification: 1,000 files of the fixture mix (GPL, Apache, MIT…) in ${mixed.toFixed(0)} ms; ` +
        `1,000 MIT files in ${typical.toFixed(0)} ms (${(typical / 1_000).toFixed(3)} ms each)`,
    );
    expect(identified).toBe(1_000);
  });
});
