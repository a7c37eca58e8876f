import { err, ok } from '../../../core/result.js';
import { isLicenseClassifier } from '../classifiers.js';
import { identifyLicenseText } from '../identify.js';
import { normalizeLicense, normalizeLicenseList } from '../spdx.js';
import { fileInPackage, parentDirectory, tooLarge } from './paths.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/** `<name>-<version>.dist-info/METADATA` (wheels, installed) and `<name>.egg-info/PKG-INFO` (setuptools). */
const DIST_INFO_METADATA = /(?:^|\/)([^/]+)\.dist-info\/METADATA$/;
const EGG_INFO_PKG_INFO = /(?:^|\/)([^/]+)\.egg-info\/PKG-INFO$/;

/** A `License:` value longer than this, or on several lines, is a license text rather than a name. */
const MAX_LICENSE_NAME_LENGTH = 200;

/**
 * The header fields of a core-metadata file (RFC 822 style, the body after the first blank line
 * is the description). A line that starts with white space continues the previous field.
 */
export function parseMetadataHeaders(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { values: string[]; index: number } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' && !/^[ \t]/.test(line)) break;
    if (/^[ \t]/.test(line)) {
      if (last) last.values[last.index] = `${last.values[last.index] ?? ''}\n${line.replace(/^[ \t]+\|?/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = fields.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    fields.set(key, values);
    last = { values, index: values.length - 1 };
  }
  return fields;
}

/** What the plain `License:` field says, or undefined when it says nothing usable. */
function licenseField(value: string | undefined): { expression?: string; raw?: string } {
  const text = value?.trim() ?? '';
  if (text === '' || /^unknown$/i.test(text)) return {};
  // Old setuptools put the whole license text here: name it if it is an SPDX text, else drop it.
  if (text.length > MAX_LICENSE_NAME_LENGTH || text.includes('\n')) {
    const identified = identifyLicenseText(text);
    return identified ? { expression: identified.license } : {};
  }
  const normalized = normalizeLicense(text);
  return normalized.expression === undefined ? { raw: normalized.raw } : { expression: normalized.expression };
}

/**
 * License-Expression (PEP 639) first; then the License field if it names an SPDX license; then
 * the `License ::` classifiers (several are alternatives, joined with OR); then the License
 * field's text as declared.
 */
function declaredLicenses(fields: ReadonlyMap<string, readonly string[]>): string[] {
  const expression = fields.get('license-expression')?.[0];
  if (expression !== undefined && expression.trim() !== '') {
    const normalized = normalizeLicense(expression);
    return [normalized.expression ?? normalized.raw];
  }
  const license = licenseField(fields.get('license')?.[0]);
  if (license.expression !== undefined) return [license.expression];
  const classifiers = (fields.get('classifier') ?? []).filter(isLicenseClassifier);
  if (classifiers.length > 0) return normalizeLicenseList(classifiers);
  return license.raw === undefined ? [] : [license.raw];
}

/** `requests-2.31.0` (or `foo-1.0-py3.8`) → name and version, for metadata that lacks them. */
function splitFolderName(folder: string): { name: string; version?: string } {
  const [name = '', version] = folder.split('-');
  return version === undefined || version === '' ? { name } : { name, version };
}

/** License-File paths: under `licenses/` of the .dist-info from metadata 2.4 (PEP 639), beside METADATA before. */
function licenseFiles(path: string, fields: ReadonlyMap<string, readonly string[]>, isWheel: boolean): string[] {
  if (!isWheel) return [];
  const version = Number.parseFloat(fields.get('metadata-version')?.[0] ?? '0');
  const folder = parentDirectory(path);
  const base = version >= 2.4 ? `${folder}/licenses` : folder;
  return (fields.get('license-file') ?? []).flatMap((name) => fileInPackage(base, name) ?? []);
}

function readCoreMetadata(path: string, text: string): ReturnType<MetadataReader['read']> {
  const problem = tooLarge(path, text);
  if (problem) return err(problem);
  const isWheel = DIST_INFO_METADATA.test(path);
  const folder = (DIST_INFO_METADATA.exec(path) ?? EGG_INFO_PKG_INFO.exec(path))?.[1] ?? '';
  const fields = parseMetadataHeaders(text);
  const fromFolder = splitFolderName(folder);
  const name = fields.get('name')?.[0] || fromFolder.name;
  const version = fields.get('version')?.[0] || fromFolder.version;
  if (name === '') return ok([]);
  const files = licenseFiles(path, fields, isWheel);
  const found: PackageMetadata = {
    ecosystem: 'PyPI',
    name,
    ...(version === undefined || version === '' ? {} : { version }),
    licenses: declaredLicenses(fields),
    ...(files.length === 0 ? {} : { licenseFiles: files }),
  };
  return ok([found]);
}

export const pythonMetadataReader: MetadataReader = {
  id: 'pypi/core-metadata',
  ecosystem: 'PyPI',
  matches: (path) => DIST_INFO_METADATA.test(path) || EGG_INFO_PKG_INFO.test(path),
  read: readCoreMetadata,
};
