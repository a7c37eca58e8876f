import { resolve } from 'node:path';
import type { Advisory } from '../core/advisory.js';
import { err, ok, type Result } from '../core/result.js';
import { describeError } from '../util/describe.js';
import { checkSignal, ImportError, type Budget } from './budget.js';
import { readInput, type InputItem } from './inputs.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';
import type { Manifest } from './manifest.js';
import { convertOsvRecord } from './osv.js';
import { createStoreBuilder, type AddOutcome } from './store-writer.js';

/**
 * One thing to import: a path, or a path with the source name to record and show in messages
 * (a download's URL instead of the temporary file it was saved to).
 */
export type ImportInput = string | { readonly path: string; readonly source: string };

export interface ImportProgress {
  /** The input being read: its path as given, or its source name. */
  readonly input: string;
  readonly recordsRead: number;
  /** True on the last report for an input. */
  readonly done: boolean;
}

export interface ImportOptions {
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly limits?: Partial<ImportLimits>;
  readonly signal?: AbortSignal;
  /** The clock for `importedAt` and `builtAt`. */
  readonly now?: () => Date;
}

export interface ImportSummary {
  /** JSON records found in the inputs (malformed lines and entries are not records). */
  readonly recordsRead: number;
  /** Records with an id the store did not have. */
  readonly imported: number;
  /** Records that replaced a stored copy with an older or equal `modified`. */
  readonly replaced: number;
  /** Records older than the copy already stored, which was kept. */
  readonly keptExisting: number;
  /** Records that are not usable advisories (no id, no affected package). */
  readonly rejected: number;
  /** Lines, entries or files that are not JSON or exceed a size limit. */
  readonly malformed: number;
  /** Withdrawn records among those read and accepted. */
  readonly withdrawn: number;
  /** Parts of accepted records left out (malformed ranges, non-string versions). */
  readonly droppedParts: number;
  /** Accepted records per ecosystem (a record affecting two ecosystems counts in both). */
  readonly ecosystems: Readonly<Record<string, number>>;
  /** The first few problems, one line each. */
  readonly messages: readonly string[];
  /** The store after the import. */
  readonly manifest: Manifest;
}

const SAMPLES = 5;

/** Counts of one kind of problem, with the first few places it happened. */
class ProblemLog {
  count = 0;
  private readonly samples: string[] = [];
  note(sample: string): void {
    this.count++;
    if (this.samples.length < SAMPLES) this.samples.push(sample);
  }
  message(what: string): string | undefined {
    if (this.count === 0) return undefined;
    const more = this.count > this.samples.length ? `; and ${this.count - this.samples.length} more` : '';
    return `${this.count} ${what}: ${this.samples.join('; ')}${more}`;
  }
}

function place(item: InputItem, input: Input): string {
  // Files inside a folder keep their own path; a single-file input goes by its label.
  const file = item.file === input.path ? input.label : item.file;
  return item.where === '' ? file : `${file} ${item.where}`;
}

class Tally {
  recordsRead = 0;
  withdrawn = 0;
  readonly outcomes: Record<AddOutcome, number> = { new: 0, replaced: 0, 'kept-existing': 0 };
  readonly ecosystems = new Map<string, number>();
  readonly malformed = new ProblemLog();
  readonly rejected = new ProblemLog();
  readonly dropped = new ProblemLog();

  messages(): string[] {
    return [
      this.malformed.message('malformed record(s) skipped'),
      this.rejected.message('record(s) rejected'),
      this.dropped.message('part(s) of records left out'),
    ].filter((message): message is string => message !== undefined);
  }
}

interface Input {
  readonly path: string;
  /** Recorded in the manifest: the absolute path, or the name given. */
  readonly source: string;
  /** Shown in messages and progress: the path as given, or the name given. */
  readonly label: string;
}

function toInput(input: ImportInput): Input {
  return typeof input === 'string' ? { path: input, source: resolve(input), label: input } : { ...input, label: input.source };
}

/**
 * Import OSV advisories into the store in `dbDir` (created if missing). Each input is a `.json`
 * (one record or an array), `.jsonl`, `.jsonl.gz`, `.json.gz`, a `.zip` of OSV JSON files, or a
 * folder of those. The result merges with the store: for the same id the later `modified` wins.
 * Malformed and unusable records are counted and skipped; an unreadable input, a compression
 * bomb or an interrupt fails the whole import and leaves the previous store as it was.
 */
export async function importAdvisories(dbDir: string, inputs: readonly ImportInput[], options: ImportOptions = {}): Promise<Result<ImportSummary, string>> {
  const now = options.now ?? ((): Date => new Date());
  const budget: Budget = {
    limits: { ...DEFAULT_IMPORT_LIMITS, ...options.limits },
    inflated: 0,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const oldStoreWarnings: string[] = [];
  let builder;
  try {
    builder = await createStoreBuilder(resolve(dbDir), (message) => oldStoreWarnings.push(message));
  } catch (error) {
    if (error instanceof ImportError) return err(error.message);
    throw error;
  }
  const tally = new Tally();
  const imported: { name: string; importedAt: string }[] = [];
  try {
    for (const input of inputs) {
      const current = toInput(input);
      await importOne(current, budget, tally, builder.add, options.onProgress);
      imported.push({ name: current.source, importedAt: now().toISOString() });
    }
    checkSignal(budget);
    const messages = [...oldStoreWarnings, ...tally.messages()];
    const manifest = await builder.finish(imported, messages, now().toISOString());
    return ok({
      recordsRead: tally.recordsRead,
      imported: tally.outcomes.new,
      replaced: tally.outcomes.replaced,
      keptExisting: tally.outcomes['kept-existing'],
      rejected: tally.rejected.count,
      malformed: tally.malformed.count,
      withdrawn: tally.withdrawn,
      droppedParts: tally.dropped.count,
      ecosystems: Object.fromEntries([...tally.ecosystems].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      messages,
      manifest,
    });
  } catch (error) {
    await builder.abort();
    if (error instanceof ImportError) return err(error.message);
    // Writing the staging file can fail like any disk write (ENOSPC); that is not a bug.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') return err(`cannot import into ${dbDir}: ${describeError(error)}`);
    throw error;
  }
}

const PROGRESS_EVERY = 1000;

async function importOne(
  input: Input,
  budget: Budget,
  tally: Tally,
  add: (advisory: Advisory, source: string) => AddOutcome,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  let read = 0;
  try {
    for await (const item of readInput(input.path, budget)) {
      if (item.kind === 'malformed') {
        tally.malformed.note(`${place(item, input)} (${item.reason})`);
        continue;
      }
      tally.recordsRead++;
      read++;
      if (onProgress && read % PROGRESS_EVERY === 0) onProgress({ input: input.label, recordsRead: read, done: false });
      addRecord(item, input, tally, add);
    }
  } catch (error) {
    if (error instanceof ImportError && input.label !== input.path) throw new ImportError(error.message.split(input.path).join(input.label));
    throw error;
  }
  onProgress?.({ input: input.label, recordsRead: read, done: true });
}

function addRecord(item: InputItem & { kind: 'record' }, input: Input, tally: Tally, add: (advisory: Advisory, source: string) => AddOutcome): void {
  const converted = convertOsvRecord(item.value);
  if (!converted.ok) {
    tally.rejected.note(`${place(item, input)}: ${converted.error}`);
    return;
  }
  const { advisory, warnings } = converted.value;
  for (const warning of warnings) tally.dropped.note(warning);
  tally.outcomes[add(advisory, input.source)]++;
  if (advisory.withdrawn !== undefined) tally.withdrawn++;
  for (const ecosystem of new Set(advisory.affected.map((entry) => entry.ecosystem))) {
    tally.ecosystems.set(ecosystem, (tally.ecosystems.get(ecosystem) ?? 0) + 1);
  }
}
