import { err, ok } from '../../../core/result.js';
import { normalizeLicense, normalizeLicenseList } from '../spdx.js';
import { errorMessage, tooLarge, unreadable } from './paths.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/** Composer's record of what it installed in `vendor/`. */
const INSTALLED_JSON = /(?:^|\/)vendor\/composer\/installed\.json$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Composer 1 writes an array of packages; Composer 2 an object with `packages`. */
function packageList(data: unknown): readonly unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (isObject(data) && Array.isArray(data.packages)) return data.packages;
  return undefined;
}

/** Composer's `license` is an array of alternatives ("or"), or one string. */
function declaredLicenses(license: unknown): string[] {
  if (Array.isArray(license)) return normalizeLicenseList(license);
  const single = normalizeLicense(license);
  const text = single.expression ?? single.raw;
  return text === '' ? [] : [text];
}

function toMetadata(entry: unknown): PackageMetadata[] {
  if (!isObject(entry) || typeof entry.name !== 'string' || entry.name.trim() === '') return [];
  const version = typeof entry.version === 'string' && entry.version !== '' ? entry.version : undefined;
  return [
    {
      ecosystem: 'Packagist',
      name: entry.name.trim(),
      ...(version === undefined ? {} : { version }),
      licenses: declaredLicenses(entry.license),
    },
  ];
}

function readInstalledJson(path: string, text: string): ReturnType<MetadataReader['read']> {
  const problem = tooLarge(path, text);
  if (problem) return err(problem);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err(unreadable(path, `not valid JSON (${errorMessage(error)})`));
  }
  const packages = packageList(data);
  if (packages === undefined) return err(unreadable(path, 'neither a package array (Composer 1) nor an object with "packages" (Composer 2)'));
  return ok(packages.flatMap(toMetadata));
}

export const composerInstalledReader: MetadataReader = {
  id: 'packagist/installed-json',
  ecosystem: 'Packagist',
  matches: (path) => INSTALLED_JSON.test(path),
  read: readInstalledJson,
};
