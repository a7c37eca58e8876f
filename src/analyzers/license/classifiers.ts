/**
 * Python trove license classifiers (`License :: OSI Approved :: MIT License`) that name one SPDX
 * license. Classifiers that name a family without a version (`BSD License`, `GNU General Public
 * License (GPL)`, `Artistic License`) map to nothing: the raw text is kept rather than guessed.
 * One exception: `Apache Software License` covers 1.0, 1.1 and 2.0, but the packages that use it
 * are in practice under 2.0, and reporting it as such is what users of license tools expect.
 * Keys are the classifier after `License :: `, lower-cased.
 */
const CLASSIFIER_LICENSES: ReadonlyMap<string, string> = new Map([
  ['osi approved :: mit license', 'MIT'],
  ['osi approved :: mit no attribution license (mit-0)', 'MIT-0'],
  ['osi approved :: apache software license', 'Apache-2.0'],
  ['osi approved :: isc license (iscl)', 'ISC'],
  ['osi approved :: python software foundation license', 'PSF-2.0'],
  ['osi approved :: python license (cnri python license)', 'CNRI-Python'],
  ['osi approved :: zero-clause bsd (0bsd)', '0BSD'],
  ['osi approved :: boost software license 1.0 (bsl-1.0)', 'BSL-1.0'],
  ['osi approved :: the unlicense (unlicense)', 'Unlicense'],
  ['osi approved :: zlib/libpng license', 'Zlib'],
  ['osi approved :: university of illinois/ncsa open source license', 'NCSA'],
  ['osi approved :: postgresql license', 'PostgreSQL'],
  ['osi approved :: universal permissive license (upl)', 'UPL-1.0'],
  ['osi approved :: historical permission notice and disclaimer (hpnd)', 'HPND'],
  ['osi approved :: w3c license', 'W3C'],
  ['osi approved :: sleepycat license', 'Sleepycat'],
  ['osi approved :: blue oak model license (blueoak-1.0.0)', 'BlueOak-1.0.0'],
  ['osi approved :: mozilla public license 1.0 (mpl)', 'MPL-1.0'],
  ['osi approved :: mozilla public license 1.1 (mpl 1.1)', 'MPL-1.1'],
  ['osi approved :: mozilla public license 2.0 (mpl 2.0)', 'MPL-2.0'],
  ['osi approved :: eclipse public license 1.0 (epl-1.0)', 'EPL-1.0'],
  ['osi approved :: eclipse public license 2.0 (epl-2.0)', 'EPL-2.0'],
  ['osi approved :: european union public licence 1.0 (eupl 1.0)', 'EUPL-1.0'],
  ['osi approved :: european union public licence 1.1 (eupl 1.1)', 'EUPL-1.1'],
  ['osi approved :: european union public licence 1.2 (eupl 1.2)', 'EUPL-1.2'],
  ['osi approved :: common development and distribution license 1.0 (cddl-1.0)', 'CDDL-1.0'],
  ['osi approved :: open software license 3.0 (osl-3.0)', 'OSL-3.0'],
  ['osi approved :: sil open font license 1.1 (ofl-1.1)', 'OFL-1.1'],
  ['osi approved :: gnu general public license v2 (gplv2)', 'GPL-2.0-only'],
  ['osi approved :: gnu general public license v2 or later (gplv2+)', 'GPL-2.0-or-later'],
  ['osi approved :: gnu general public license v3 (gplv3)', 'GPL-3.0-only'],
  ['osi approved :: gnu general public license v3 or later (gplv3+)', 'GPL-3.0-or-later'],
  ['osi approved :: gnu lesser general public license v2 (lgplv2)', 'LGPL-2.0-only'],
  ['osi approved :: gnu lesser general public license v2 or later (lgplv2+)', 'LGPL-2.0-or-later'],
  ['osi approved :: gnu lesser general public license v3 (lgplv3)', 'LGPL-3.0-only'],
  ['osi approved :: gnu lesser general public license v3 or later (lgplv3+)', 'LGPL-3.0-or-later'],
  ['osi approved :: gnu affero general public license v3', 'AGPL-3.0-only'],
  ['osi approved :: gnu affero general public license v3 or later (agplv3+)', 'AGPL-3.0-or-later'],
  ['cc0 1.0 universal (cc0 1.0) public domain dedication', 'CC0-1.0'],
  ['cecill-b free software license agreement (cecill-b)', 'CECILL-B'],
  ['cecill-c free software license agreement (cecill-c)', 'CECILL-C'],
]);

const CLASSIFIER_PREFIX = /^license\s*::\s*/i;

export function isLicenseClassifier(text: string): boolean {
  return CLASSIFIER_PREFIX.test(text);
}

/**
 * The SPDX id a license classifier names, or undefined when it names none or several. Unknown
 * classifiers that end in an SPDX id in parentheses are left to the caller's id lookup.
 */
export function classifierLicense(classifier: string): string | undefined {
  const key = classifier.trim().replace(CLASSIFIER_PREFIX, '').replace(/\s*::\s*/g, ' :: ').toLowerCase();
  return CLASSIFIER_LICENSES.get(key);
}

/** `… License (MulanPSL-2.0)` → `MulanPSL-2.0`: the text in the classifier's last parentheses. */
export function classifierParenthesised(classifier: string): string | undefined {
  const match = /\(([^()]{1,40})\)\s*$/.exec(classifier);
  return match?.[1]?.trim();
}
