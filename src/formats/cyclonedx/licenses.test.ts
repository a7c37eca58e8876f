import { describe, expect, it } from 'vitest';
import { classifyLicense, licenseChoice } from './licenses.js';

describe('formats/cyclonedx/licenses', () => {
  // SPDX: a bare listed id is a license id; `+`, WITH, AND and OR make an expression; LicenseRef-
  // is user-defined (not on the list); operators are written upper-case.
  it.each([
    ['MIT', { kind: 'id', id: 'MIT' }],
    ['GPL-2.0-or-later', { kind: 'id', id: 'GPL-2.0-or-later' }],
    ['(MIT)', { kind: 'id', id: 'MIT' }],
    ['  Apache-2.0 ', { kind: 'id', id: 'Apache-2.0' }],
    ['Apache-2.0 OR MIT', { kind: 'expression', expression: 'Apache-2.0 OR MIT' }],
    ['MIT or Apache-2.0', { kind: 'expression', expression: 'MIT OR Apache-2.0' }],
    ['GPL-2.0+', { kind: 'expression', expression: 'GPL-2.0+' }],
    ['GPL-2.0-only WITH Classpath-exception-2.0', { kind: 'expression', expression: 'GPL-2.0-only WITH Classpath-exception-2.0' }],
    ['LicenseRef-acme-eula', { kind: 'expression', expression: 'LicenseRef-acme-eula' }],
    ['MIT AND (BSD-2-Clause OR ISC)', { kind: 'expression', expression: 'MIT AND (BSD-2-Clause OR ISC)' }],
    ['Apache License 2.0', { kind: 'name', name: 'Apache License 2.0' }],
    ['mit', { kind: 'name', name: 'mit' }],
    ['MIT OR', { kind: 'name', name: 'MIT OR' }],
  ])('classifies %j', (text, expected) => {
    expect(classifyLicense(text)).toEqual(expected);
  });

  it('keeps the grouping of a mixed AND/OR expression', () => {
    // AND binds tighter than OR, so `MIT OR ISC AND BSD-2-Clause` means MIT OR (ISC AND BSD-2-Clause).
    expect(classifyLicense('MIT OR ISC AND BSD-2-Clause')).toEqual({ kind: 'expression', expression: 'MIT OR (ISC AND BSD-2-Clause)' });
  });

  it('gives no license choice for no or blank licenses', () => {
    expect(licenseChoice([])).toBeNull();
    expect(licenseChoice(['', '  '])).toBeNull();
  });

  it('lists several ids and names, once each', () => {
    expect(licenseChoice(['MIT', 'Apache-2.0', '(MIT)', 'Custom'])).toEqual({
      kind: 'licenses',
      licenses: [
        { kind: 'id', id: 'MIT' },
        { kind: 'id', id: 'Apache-2.0' },
        { kind: 'name', name: 'Custom' },
      ],
    });
  });

  it('joins an expression with other SPDX licenses into one AND expression', () => {
    expect(licenseChoice(['MIT', 'Apache-2.0 OR BSD-3-Clause'])).toEqual({ kind: 'expression', expression: 'MIT AND (Apache-2.0 OR BSD-3-Clause)' });
  });

  it('keeps an expression beside free text as a named license instead of dropping either', () => {
    expect(licenseChoice(['Apache-2.0 OR MIT', 'see LICENSE'])).toEqual({
      kind: 'licenses',
      licenses: [
        { kind: 'name', name: 'Apache-2.0 OR MIT' },
        { kind: 'name', name: 'see LICENSE' },
      ],
    });
  });

  it('treats a huge or deeply nested string as text without throwing', () => {
    const nested = `${'('.repeat(5000)}MIT${')'.repeat(5000)}`;
    expect(classifyLicense(nested)).toEqual({ kind: 'name', name: nested });
    const long = 'MIT OR '.repeat(2000) + 'MIT';
    expect(classifyLicense(long).kind).toBe('name');
  });
});
