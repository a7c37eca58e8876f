/** OSV ecosystem names, exactly as OSV writes them (a distro release adds `:<release>`). */
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
  /** The lockfile or manifest, relative to the scanned root. */
  readonly file: string;
  readonly line?: number;
}

/** One step of a dependency path. */
export interface PackageRef {
  readonly name: string;
  readonly version: string;
}

export interface Package {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly direct?: boolean;
  /** Only needed to develop or test the project (npm devDependencies, poetry dev groups…). */
  readonly dev?: boolean;
  /** Declared with a range rather than an exact version; `version` then holds the range. */
  readonly unpinned?: boolean;
  /** SPDX expressions (or the raw text where it is not SPDX). */
  readonly licenses?: readonly string[];
  readonly locations: readonly PackageLocation[];
  /** purls of the packages this one depends on. */
  readonly dependsOn: readonly string[];
  /** The shortest chain of ancestors: from a direct dependency to the immediate parent (GitLab's dependency_path). */
  readonly path?: readonly PackageRef[];
  /** The direct dependency through which a transitive package arrives. */
  readonly via?: PackageRef;
}

export interface OperatingSystem {
  readonly family: string;
  readonly version: string;
}

export interface DependencyFile {
  readonly path: string;
  /** GitLab's package_manager: npm, yarn, pnpm, pip, pipenv, poetry, uv, go, cargo, bundler, composer, maven, gradle, nuget. */
  readonly packageManager: string;
  /** purls of the packages this file declares, in file order. */
  readonly packages: readonly string[];
}

export interface Inventory {
  readonly packages: readonly Package[];
  readonly dependencyFiles: readonly DependencyFile[];
  readonly os?: OperatingSystem;
  /** Licenses of the project itself, identified from its license files. */
  readonly projectLicenses?: readonly { readonly file: string; readonly license: string }[];
}

export const EMPTY_INVENTORY: Inventory = { packages: [], dependencyFiles: [] };
