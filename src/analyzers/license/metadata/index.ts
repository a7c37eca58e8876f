import { cargoTomlReader } from './cargo.js';
import { composerInstalledReader } from './composer.js';
import { gemspecReader } from './gemspec.js';
import { npmPackageJsonReader } from './npm.js';
import { pythonMetadataReader } from './python.js';
import type { MetadataReader } from './types.js';

export type { MetadataReader, PackageMetadata } from './types.js';

/** The explicit list of installed-package metadata readers: adding an ecosystem is one entry here. */
export const METADATA_READERS: readonly MetadataReader[] = [
  npmPackageJsonReader,
  pythonMetadataReader,
  cargoTomlReader,
  gemspecReader,
  composerInstalledReader,
];
