import { err, ok } from '../../../core/result.js';
import { normalizeLicense, normalizeLicenseList, seeLicenseInFile } from '../spdx.js';
import { errorMessage, fileInPackage, parentDirectory, tooLarge, unreadable } from './paths.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/** `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`, at any depth. */
const INSTALLED_PACKAGE_JSON = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/@.][^/]*)\/package\.json$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * `license` (a string, or the legacy `{type, url}` object) wins over the legacy `licenses` array,
 * whose entries are alternatives. Returns the entries for `PackageMetadata.licenses`.
 */
function declaredLicenses(manifest: Record<string, unknown>): string[] {
  const { license, licenses } = manifest;
  if (Array.isArray(license)) return normalizeLicenseList(license);
  const single = normalizeLicense(license);
  const text = single.expression ?? single.raw;
  if (text !== '') return [text];
  return Array.isArray(licenses) ? normalizeLicenseList(licenses) : [];
}

function readPackageJson(path: string, text: string): ReturnType<MetadataReader['read']> {
  const problem = tooLarge(path, text);
  if (problem) return err(problem);
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return err(unreadable(path, `not valid JSON (${errorMessage(error)})`));
  }
  if (!isObject(manifest)) return err(unreadable(path, 'not a JSON object'));
  const folderName = INSTALLED_PACKAGE_JSON.exec(path)?.[1];
  // The manifest's own name: under an alias (`"x": "npm:y@1"`) the folder is named after the alias.
  const name = nonEmptyString(manifest.name) ?? folderName;
  if (name === undefined) return ok([]);
  const version = nonEmptyString(manifest.version);
  const licenses = declaredLicenses(manifest);
  const seeFile = licenses.map(seeLicenseInFile).find((file) => file !== undefined);
  const licenseFile = seeFile === undefined ? undefined : fileInPackage(parentDirectory(path), seeFile);
  const found: PackageMetadata = {
    ecosystem: 'npm',
    name,
    ...(version === undefined ? {} : { version }),
    licenses,
    ...(licenseFile === undefined ? {} : { licenseFiles: [licenseFile] }),
  };
  return ok([found]);
}

export const npmPackageJsonReader: MetadataReader = {
  id: 'npm/package-json',
  ecosystem: 'npm',
  matches: (path) => INSTALLED_PACKAGE_JSON.test(path),
  read: readPackageJson,
};
