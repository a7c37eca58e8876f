/** An advisory in OSV's shape (only the fields Bulwark reads). */
export interface Advisory {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity: readonly { readonly type: string; readonly score: string }[];
  readonly affected: readonly AffectedPackage[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
  readonly modified: string;
  readonly withdrawn?: string;
}

export interface AffectedPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly ranges: readonly AffectedRange[];
  readonly versions: readonly string[];
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
