/** An advisory in OSV's shape (only the fields Bulwark reads). */
export interface Advisory {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  /** OSV `severity[]`: CVSS vectors by type (`CVSS_V3`, `CVSS_V4`, `CVSS_V2`). */
  readonly severity: readonly { readonly type: string; readonly score: string }[];
  /** A database's own label (`database_specific.severity`: LOW, MODERATE, HIGH, CRITICAL), if any. */
  readonly databaseSeverity?: string;
  readonly affected: readonly AffectedPackage[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
  readonly published?: string;
  readonly modified: string;
  readonly withdrawn?: string;
  /** CWE ids from `database_specific.cwe_ids`, where the database gives them. */
  readonly cwes?: readonly string[];
}

export interface AffectedPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly ranges: readonly AffectedRange[];
  readonly versions: readonly string[];
  /** Severity given for this package only (some databases put it here). */
  readonly severity?: readonly { readonly type: string; readonly score: string }[];
}

export interface AffectedRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  readonly events: readonly RangeEvent[];
}

export type RangeEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string };
