import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { err, ok, type Result } from '../core/result.js';

/** Bumped whenever the files of a store change shape; an older store must be rebuilt. */
export const STORE_FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
export const RECORDS_FILE = 'records.jsonl';
export const INDEX_FILE = 'index.bin';

/** How old a store may get before a scan warns (the caller may choose another age). */
export const DEFAULT_STALE_AFTER_DAYS = 7;

const Count = Type.Integer({ minimum: 0 });

const SourceSchema = Type.Object({
  /** The input as given (absolute path) or the URL it was downloaded from. */
  name: Type.String(),
  importedAt: Type.String(),
  /** Records in the store that came from this source (a newer copy from elsewhere replaces one). */
  records: Count,
  withdrawn: Count,
});

export const ManifestSchema = Type.Object({
  formatVersion: Type.Literal(STORE_FORMAT_VERSION),
  builtAt: Type.String(),
  records: Count,
  withdrawn: Count,
  sources: Type.Array(SourceSchema),
  /** Records per ecosystem, as written in the advisories (`Alpine:v3.11` separately). */
  ecosystems: Type.Record(Type.String(), Count),
  /** What the last import had to leave out (first few messages). */
  warnings: Type.Array(Type.String()),
});

export type Manifest = Static<typeof ManifestSchema>;
export type ManifestSource = Static<typeof SourceSchema>;

/** Check a parsed manifest; a store written by another format version is refused by name. */
export function validateManifest(value: unknown): Result<Manifest, string> {
  if (Value.Check(ManifestSchema, value)) return ok(value);
  const version = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['formatVersion'] : undefined;
  if (typeof version === 'number' && version !== STORE_FORMAT_VERSION) {
    return err(`it was written in store format ${version}, this Bulwark reads format ${STORE_FORMAT_VERSION}`);
  }
  const first = Value.Errors(ManifestSchema, value).First();
  return err(`its ${MANIFEST_FILE} is not valid (${first ? `${first.path || '/'}: ${first.message}` : 'unexpected shape'})`);
}

/** Milliseconds since the store was built (negative if the clock says it is from the future). */
export function storeAge(manifest: Manifest, now: Date): number {
  const built = Date.parse(manifest.builtAt);
  return Number.isNaN(built) ? Number.POSITIVE_INFINITY : now.getTime() - built;
}

/** True when the store was built more than `days` days before `now` (or its date is unreadable). */
export function isStale(manifest: Manifest, now: Date, days: number = DEFAULT_STALE_AFTER_DAYS): boolean {
  return storeAge(manifest, now) > days * 24 * 60 * 60 * 1000;
}
