import type { PackageRef } from './inventory.js';

/** Where a finding is. A union on `kind`, one variant per family of report types. */
export type Location = SourceLocation | DependencyLocation | ImageLocation | HttpLocation;

export interface CommitInfo {
  readonly sha: string;
  readonly author?: string;
  readonly date?: string;
  readonly message?: string;
}

export interface SourceLocation {
  readonly kind: 'source';
  /** Path relative to the scanned root, with forward slashes. */
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
  readonly scope?: string;
  /** Set when the finding comes from git history. */
  readonly commit?: CommitInfo;
}

export interface DependencyLocation {
  readonly kind: 'dependency';
  /** The lockfile or manifest that declares the package. */
  readonly file: string;
  /** Line of the declaration in that file, where the format tells. */
  readonly line?: number;
  readonly packageName: string;
  readonly version: string;
  readonly direct?: boolean;
  /** Ancestors from a direct dependency to the immediate parent (empty or absent for a direct one). */
  readonly path?: readonly PackageRef[];
}

export interface ImageLocation {
  readonly kind: 'image';
  readonly image: string;
  /** `debian 12`, `alpine 3.19`: GitLab's operating_system. */
  readonly operatingSystem: string;
  readonly packageName: string;
  readonly version: string;
  /** Digest of the layer that holds the package's record. */
  readonly layer?: string;
  /** The package database or metadata file inside the image. */
  readonly file?: string;
}

export interface HttpLocation {
  readonly kind: 'http';
  readonly hostname: string;
  readonly method: string;
  readonly path: string;
  readonly param: string;
}
