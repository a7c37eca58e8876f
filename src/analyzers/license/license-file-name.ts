/** Extensions a license file is written with; a code file (`license.ts`) is not a license text. */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['txt', 'md', 'markdown', 'rst', 'text', 'adoc', 'org']);

/**
 * `LICENSE`, `LICENCE`, `COPYING`, `UNLICENSE` in any case, with a number (`COPYING3`), a
 * qualifier after `-`, `_` or `.` (`LICENSE-APACHE`, `LICENSE_MIT`, `COPYING.LESSER`, `COPYING.LIB`)
 * or one before (`MIT-LICENSE`, `GPL_LICENSE`). NOTICE files and lists of third-party notices are
 * not license texts.
 */
const LICENSE_STEM = /^(?:[a-z0-9]{1,12}[-_])?(?:un)?(?:licen[cs]e|copying)\d?(?:[-_.][a-z0-9][a-z0-9.]{0,19})?$/i;

/** Dotted qualifiers that are code or data, not the name of a license (`LICENSE.js`, `license.json`). */
const CODE_QUALIFIER = /\.(?:[cm]?[jt]sx?|json|ya?ml|toml|xml|html?|py|rb|go|rs|java|kt|cs|php|c|h|cc|cpp|hpp|swift|sh|d\.ts)$/i;

export function isLicenseFileName(baseName: string): boolean {
  const dot = baseName.lastIndexOf('.');
  const extension = dot > 0 ? baseName.slice(dot + 1).toLowerCase() : '';
  const stem = TEXT_EXTENSIONS.has(extension) ? baseName.slice(0, dot) : baseName;
  return LICENSE_STEM.test(stem) && !CODE_QUALIFIER.test(stem);
}
