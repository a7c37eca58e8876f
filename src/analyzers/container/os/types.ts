import type { Problem } from '../../../core/result.js';

/** One package an operating-system package database says is installed. */
export interface OsPackage {
  /** The binary package name (`libssl3`). */
  readonly name: string;
  /** As the database writes it: dpkg `1:2.66-4`, apk `3.1.4-r5`, rpm `[epoch:]version-release`. */
  readonly version: string;
  readonly arch?: string;
  /**
   * The source package it was built from (`openssl` for `libssl3`). Distro advisories (OSV's
   * Debian, Ubuntu, Alpine, Rocky Linux, AlmaLinux) name source packages, so matching uses this.
   */
  readonly sourceName: string;
  /** The source package's version; usually the binary's, but a binNMU or rebuild may differ. */
  readonly sourceVersion: string;
  /** The license as the database declares it (apk `L:`, rpm LICENSE), raw. dpkg has none. */
  readonly license?: string;
  /** The database file it was read from, inside the image (`var/lib/dpkg/status`). */
  readonly file: string;
  /** 1-based line of the package's stanza, for the text databases. */
  readonly line?: number;
}

/** What reading one database file gives: the packages it could read and what it could not. */
export interface OsPackageList {
  readonly packages: readonly OsPackage[];
  readonly problems: readonly Problem[];
}
