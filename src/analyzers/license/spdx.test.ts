import { describe, expect, it } from 'vitest';
import { normalizeLicense, normalizeLicenseList, seeLicenseInFile } from './spdx.js';

describe('analyzers/license/spdx normalizeLicense', () => {
  // SPDX ids are case-insensitive (SPDX spec, annex D); the canonical spelling is the list's.
  it.each([
    ['MIT', 'MIT'],
    ['mit', 'MIT'],
    ['apache-2.0', 'Apache-2.0'],
    ['  BSD-3-Clause  ', 'BSD-3-Clause'],
    ['LicenseRef-Acme-Commercial', 'LicenseRef-Acme-Commercial'],
  ])('reads the id %j as %s', (declared, expression) => {
    expect(normalizeLicense(declared)).toEqual({ expression, raw: declared.trim() });
  });

  // Outer parentheses are optional in SPDX. AND binds tighter than OR (SPDX spec, annex D.4), but a
  // nested conjunction is written in parentheses all the same, so nobody has to know that.
  it.each([
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0'],
    ['mit or apache-2.0', 'MIT OR Apache-2.0'],
    ['MIT AND BSD-3-Clause', 'MIT AND BSD-3-Clause'],
    ['Apache-2.0 WITH LLVM-exception', 'Apache-2.0 WITH LLVM-exception'],
    ['apache-2.0 with llvm-exception', 'Apache-2.0 WITH LLVM-exception'],
    ['MIT AND Zlib OR Apache-2.0', '(MIT AND Zlib) OR Apache-2.0'],
    ['MIT AND (Zlib OR Apache-2.0)', 'MIT AND (Zlib OR Apache-2.0)'],
    ['GPL-2.0+', 'GPL-2.0+'],
    ['GPL-2.0-or-later WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'],
  ])('keeps the expression %j as %s', (declared, expression) => {
    expect(normalizeLicense(declared).expression).toBe(expression);
  });

  // Loose names go through spdx-correct; its upgrade table maps an unversioned-range GPL 3 to
  // -or-later and GPL 2 to -only (spdx-correct index.js, upgradeGPLs).
  it.each([
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['GPLv3', 'GPL-3.0-or-later'],
    ['GPLv2', 'GPL-2.0-only'],
    ['GPL-2.0 or later', 'GPL-2.0-or-later'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['Apache 2.0 or MIT', 'Apache-2.0 OR MIT'],
  ])('corrects the loose name %j to %s', (declared, expression) => {
    expect(normalizeLicense(declared)).toEqual({ expression, raw: declared });
  });

  it.each(['UNLICENSED', 'Proprietary', 'UNKNOWN', 'SEE LICENSE IN LICENSE.md', 'see license in ./docs/EULA.txt', 'Commercial', 'None'])(
    'gives no expression for %j and keeps the text',
    (declared) => {
      expect(normalizeLicense(declared)).toEqual({ raw: declared });
    },
  );

  it('never turns npm UNLICENSED (all rights reserved) into the public-domain Unlicense', () => {
    expect(normalizeLicense('unlicensed').expression).toBeUndefined();
    expect(normalizeLicense('Unlicense').expression).toBe('Unlicense');
  });

  it('rejects a broken expression instead of keeping a part of it', () => {
    expect(normalizeLicense('MIT OR').expression).toBeUndefined();
    expect(normalizeLicense('(MIT').expression).toBeUndefined();
    expect(normalizeLicense('MIT AND AND ISC').expression).toBeUndefined();
  });

  it("reads npm's legacy {type, url} object", () => {
    expect(normalizeLicense({ type: 'MIT', url: 'https://opensource.org/licenses/MIT' })).toEqual({ expression: 'MIT', raw: 'MIT' });
  });

  it("joins npm's legacy licenses array with OR: the package may be used under any of them", () => {
    const declared = [
      { type: 'MIT', url: 'https://github.com/x/y/blob/master/LICENSE-MIT' },
      { type: 'Apache-2.0', url: 'https://github.com/x/y/blob/master/LICENSE-APACHE' },
    ];
    expect(normalizeLicense(declared)).toEqual({ expression: 'MIT OR Apache-2.0', raw: 'MIT OR Apache-2.0' });
  });

  it('keeps an AND inside an alternative of an array in parentheses', () => {
    expect(normalizeLicense(['ISC', 'MIT AND Zlib']).expression).toBe('ISC OR (MIT AND Zlib)');
  });

  it('gives no expression for an array with an entry that is not SPDX', () => {
    expect(normalizeLicense(['MIT', 'Acme EULA'])).toEqual({ raw: 'MIT OR Acme EULA' });
  });

  // Trove classifiers: https://pypi.org/classifiers/
  it.each([
    ['License :: OSI Approved :: MIT License', 'MIT'],
    ['License :: OSI Approved :: Apache Software License', 'Apache-2.0'],
    ['License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)', 'GPL-3.0-or-later'],
    ['License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)', 'LGPL-2.0-only'],
    ['License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)', 'MPL-2.0'],
    ['License :: OSI Approved :: ISC License (ISCL)', 'ISC'],
    ['License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication', 'CC0-1.0'],
    ['License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)', 'MulanPSL-2.0'],
  ])('maps the classifier %j to %s', (classifier, expression) => {
    expect(normalizeLicense(classifier)).toEqual({ expression, raw: classifier });
  });

  it.each([
    'License :: OSI Approved :: BSD License',
    'License :: OSI Approved :: GNU General Public License (GPL)',
    'License :: Other/Proprietary License',
    'License :: Public Domain',
  ])('does not guess a version for the family classifier %j', (classifier) => {
    expect(normalizeLicense(classifier)).toEqual({ raw: classifier });
  });

  it.each([null, undefined, 42, true, {}, { url: 'https://example.com' }, [], [[['MIT']]]])('never throws on %j', (declared) => {
    expect(() => normalizeLicense(declared)).not.toThrow();
    expect(normalizeLicense(declared).expression).toBeUndefined();
  });

  it('keeps a whole license text pasted into the field raw, without guessing from its words', () => {
    const text = 'Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files';
    expect(normalizeLicense(text).expression).toBeUndefined();
  });

  it('stays fast on a long hostile string', () => {
    const started = performance.now();
    normalizeLicense(`${'(MIT OR '.repeat(50_000)}MIT`);
    normalizeLicense('a'.repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('analyzers/license/spdx normalizeLicenseList', () => {
  it('gives one OR expression when every entry is SPDX', () => {
    expect(normalizeLicenseList(['MIT', 'Apache-2.0'])).toEqual(['MIT OR Apache-2.0']);
  });

  it('keeps each entry on its own when one is not SPDX, so nothing is lost', () => {
    expect(normalizeLicenseList(['mit', 'Acme EULA', 'mit'])).toEqual(['MIT', 'Acme EULA']);
  });
});

describe('analyzers/license/spdx seeLicenseInFile', () => {
  it("reads npm's SEE LICENSE IN <file>", () => {
    expect(seeLicenseInFile('SEE LICENSE IN LICENSE.md')).toBe('LICENSE.md');
    expect(seeLicenseInFile('MIT')).toBeUndefined();
  });
});
