import { parse as parseToml } from 'smol-toml';
import { err, ok } from '../../../core/result.js';
import { normalizeLicense } from '../spdx.js';
import { errorMessage, fileInPackage, parentDirectory, tooLarge, unreadable } from './paths.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/**
 * The Cargo.toml of a crate that is not the project itself: vendored (`cargo vendor` puts each
 * crate in `vendor/<crate>/`) or in a Cargo registry cache (`registry/src/<index>/<crate>-<version>/`).
 */
const VENDORED_CRATE = /(?:^|\/)vendor\/[^/]+\/Cargo\.toml$/;
const REGISTRY_CRATE = /(?:^|\/)registry\/src\/[^/]+\/[^/]+\/Cargo\.toml$/;

function isTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A plain string field; `{ workspace = true }` inheritance cannot be resolved from one file. */
function stringField(table: Record<string, unknown>, key: string): string | undefined {
  const value = table[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function readCargoToml(path: string, text: string): ReturnType<MetadataReader['read']> {
  const problem = tooLarge(path, text);
  if (problem) return err(problem);
  let manifest: unknown;
  try {
    manifest = parseToml(text);
  } catch (error) {
    return err(unreadable(path, `not valid TOML (${errorMessage(error).split('\n')[0] ?? ''})`));
  }
  // `[project]` is the old spelling of `[package]`, still accepted by Cargo.
  const table = isTable(manifest) ? (manifest.package ?? manifest.project) : undefined;
  if (!isTable(table)) return ok([]);
  const name = stringField(table, 'name');
  if (name === undefined) return ok([]);
  const version = stringField(table, 'version');
  const license = stringField(table, 'license');
  const normalized = license === undefined ? undefined : normalizeLicense(license);
  const licenseFileName = stringField(table, 'license-file');
  const licenseFile = licenseFileName === undefined ? undefined : fileInPackage(parentDirectory(path), licenseFileName);
  const found: PackageMetadata = {
    ecosystem: 'crates.io',
    name,
    ...(version === undefined ? {} : { version }),
    licenses: normalized === undefined ? [] : [normalized.expression ?? normalized.raw],
    ...(licenseFile === undefined ? {} : { licenseFiles: [licenseFile] }),
  };
  return ok([found]);
}

export const cargoTomlReader: MetadataReader = {
  id: 'crates.io/cargo-toml',
  ecosystem: 'crates.io',
  matches: (path) => VENDORED_CRATE.test(path) || REGISTRY_CRATE.test(path),
  read: readCargoToml,
};
