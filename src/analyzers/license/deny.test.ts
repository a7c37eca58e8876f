import { describe, expect, it } from 'vitest';
import { deniedLicenses, validateDenyList } from './deny.js';

describe('analyzers/license/deny deniedLicenses', () => {
  it.each([
    // expression, deny list, denied licenses the package cannot avoid
    ['GPL-3.0-only', ['GPL-3.0-only'], ['GPL-3.0-only']],
    ['MIT', ['GPL-3.0-only'], []],
    ['MIT OR GPL-3.0-only', ['GPL-3.0-only'], []],
    ['GPL-3.0-only OR AGPL-3.0-only', ['GPL-3.0-only', 'AGPL-3.0-only'], ['AGPL-3.0-only', 'GPL-3.0-only']],
    ['MIT AND GPL-3.0-only', ['GPL-3.0-only'], ['GPL-3.0-only']],
    ['(MIT OR GPL-3.0-only) AND AGPL-3.0-only', ['GPL-3.0-only', 'AGPL-3.0-only'], ['AGPL-3.0-only']],
    ['MIT AND (GPL-3.0-only OR AGPL-3.0-only)', ['GPL-3.0-only', 'AGPL-3.0-only'], ['AGPL-3.0-only', 'GPL-3.0-only']],
    ['GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only'], ['GPL-2.0-only']],
  ])('%s with deny %j → %j', (expression, deny, denied) => {
    expect(deniedLicenses(expression, deny)).toEqual(denied);
  });

  it('matches deny entries and expressions in any case', () => {
    expect(deniedLicenses('gpl-3.0-only', ['GPL-3.0-ONLY'])).toEqual(['GPL-3.0-only']);
    expect(deniedLicenses('MIT', ['mit'])).toEqual(['MIT']);
  });

  it('does not cross versions: denying GPL-3.0-only leaves GPL-2.0-only and GPL-2.0-or-later alone', () => {
    expect(deniedLicenses('GPL-2.0-only', ['GPL-3.0-only'])).toEqual([]);
    expect(deniedLicenses('GPL-2.0-or-later', ['GPL-3.0-only'])).toEqual([]);
  });

  it('tells -only from -or-later', () => {
    expect(deniedLicenses('GPL-3.0-or-later', ['GPL-3.0-only'])).toEqual([]);
    expect(deniedLicenses('GPL-3.0-only', ['GPL-3.0-or-later'])).toEqual([]);
    expect(deniedLicenses('GPL-3.0-or-later', ['GPL-3.0-or-later'])).toEqual(['GPL-3.0-or-later']);
  });

  it('reads the + suffix as -or-later', () => {
    expect(deniedLicenses('GPL-2.0+', ['GPL-2.0-or-later'])).toEqual(['GPL-2.0+']);
    expect(deniedLicenses('GPL-2.0-or-later', ['GPL-2.0+'])).toEqual(['GPL-2.0-or-later']);
    expect(deniedLicenses('GPL-2.0+', ['GPL-2.0-only'])).toEqual([]);
  });

  it('treats the deprecated bare GPL-3.0 in a deny list as the whole family', () => {
    expect(deniedLicenses('GPL-3.0-only', ['GPL-3.0'])).toEqual(['GPL-3.0-only']);
    expect(deniedLicenses('GPL-3.0-or-later', ['GPL-3.0'])).toEqual(['GPL-3.0-or-later']);
    expect(deniedLicenses('GPL-3.0+', ['GPL-3.0'])).toEqual(['GPL-3.0+']);
    expect(deniedLicenses('LGPL-3.0-only', ['GPL-3.0'])).toEqual([]);
  });

  it('denies a package that declares the deprecated bare id under either range: it may mean either', () => {
    expect(deniedLicenses('GPL-3.0', ['GPL-3.0-only'])).toEqual(['GPL-3.0']);
    expect(deniedLicenses('GPL-3.0', ['GPL-3.0-or-later'])).toEqual(['GPL-3.0']);
    expect(deniedLicenses('GPL-2.0-with-classpath-exception', ['GPL-2.0-only'])).toEqual(['GPL-2.0-with-classpath-exception']);
  });

  it('keeps AGPL, LGPL and GPL apart', () => {
    expect(deniedLicenses('AGPL-3.0-only', ['GPL-3.0-only'])).toEqual([]);
    expect(deniedLicenses('LGPL-2.1-only', ['GPL-2.0-only'])).toEqual([]);
  });

  it('gives nothing for an expression that does not parse, or a deny list of unknown ids', () => {
    expect(deniedLicenses('SEE LICENSE IN LICENSE', ['MIT'])).toEqual([]);
    expect(deniedLicenses('GPL-3.0-only', ['GPLv3'])).toEqual([]);
    expect(deniedLicenses('GPL-3.0-only', [])).toEqual([]);
  });
});

describe('analyzers/license/deny validateDenyList', () => {
  it('returns the entries in canonical spelling, without blanks or duplicates', () => {
    expect(validateDenyList(['gpl-3.0-only', ' AGPL-3.0-ONLY ', '', 'GPL-3.0-only', 'gpl-2.0+'])).toEqual({
      ok: true,
      value: ['GPL-3.0-only', 'AGPL-3.0-only', 'GPL-2.0+'],
    });
  });

  it('names every entry that is not an SPDX id, with a suggestion where spdx-correct has one', () => {
    const checked = validateDenyList(['MIT', 'GPLv3', 'Acme-Internal-1.0']);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error).toContain('"GPLv3" (did you mean GPL-3.0-or-later?)');
    expect(checked.error).toContain('"Acme-Internal-1.0"');
    expect(checked.error).not.toContain('"MIT"');
  });

  it('refuses an expression as a deny entry', () => {
    expect(validateDenyList(['MIT OR GPL-3.0-only']).ok).toBe(false);
  });
});
