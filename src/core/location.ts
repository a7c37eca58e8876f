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
  readonly file: string;
  readonly packageName: string;
  readonly version: string;
  readonly direct?: boolean;
  readonly path?: readonly string[];
}

export interface ImageLocation {
  readonly kind: 'image';
  readonly image: string;
  readonly operatingSystem: string;
  readonly packageName: string;
  readonly version: string;
}

export interface HttpLocation {
  readonly kind: 'http';
  readonly hostname: string;
  readonly method: string;
  readonly path: string;
  readonly param: string;
}
