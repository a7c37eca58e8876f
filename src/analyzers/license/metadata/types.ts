import type { Ecosystem } from '../../../core/inventory.js';
import type { Problem, Result } from '../../../core/result.js';

/** What one installed package's metadata says about it. */
export interface PackageMetadata {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version?: string;
  /**
   * SPDX expressions, or the declared text where it is not SPDX (`UNLICENSED`, `SEE LICENSE IN
   * LICENSE.md`). Several declared licenses that are all SPDX become one OR expression; an empty
   * list means the metadata declares none.
   */
  readonly licenses: readonly string[];
  /**
   * License files the metadata points to (npm `SEE LICENSE IN`, Cargo `license-file`, Python
   * `License-File`), relative to the scanned root, for the caller to read and identify.
   */
  readonly licenseFiles?: readonly string[];
}

/** A reader of one ecosystem's installed-package metadata. Pure: the caller reads the file. */
export interface MetadataReader {
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** Whether the file at this path (relative to the scanned root, `/`-separated) is one to read. */
  matches(path: string): boolean;
  read(path: string, text: string): Result<readonly PackageMetadata[], Problem>;
}

/** Metadata files are small; anything past this is not one, and parsing it would cost for nothing. */
export const MAX_METADATA_CHARS = 32 * 1024 * 1024;
