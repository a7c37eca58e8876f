/** OSV ecosystem names, exactly as OSV writes them. */
export type Ecosystem =
  | 'npm'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'RubyGems'
  | 'Packagist'
  | 'Maven'
  | 'NuGet'
  | 'Pub'
  | 'Hex'
  | (string & { readonly osvEcosystem?: never });

export interface PackageLocation {
  readonly file: string;
  readonly line?: number;
}

export interface Package {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly direct?: boolean;
  readonly dev?: boolean;
  readonly licenses?: readonly string[];
  readonly locations: readonly PackageLocation[];
  /** purls of the packages this one depends on. */
  readonly dependsOn: readonly string[];
}

export interface OperatingSystem {
  readonly family: string;
  readonly version: string;
}

export interface Inventory {
  readonly packages: readonly Package[];
  readonly dependencyFiles: readonly { readonly path: string; readonly packageManager: string }[];
  readonly os?: OperatingSystem;
}

export const EMPTY_INVENTORY: Inventory = { packages: [], dependencyFiles: [] };
