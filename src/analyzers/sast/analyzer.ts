import { availableParallelism } from 'node:os';
import type { Finding } from '../../core/finding.js';
import type { Identifier } from '../../core/identifier.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import type { FileEntry, TreeAnalyzer, TreeInput } from '../types.js';
import type { SourceFile } from './analyze-file.js';
import { createExcludeTest, DEFAULT_SAST_EXCLUDES } from './excludes.js';
import { ruleIdentifiers, SAST_ANALYZER_ID } from './findings.js';
import type { Language } from './ir/types.js';
import { rulesKey, runSastBatch, type PreloadedRules, type SastBatchOutcome, type SastBatchTask } from './parallel/batch.js';
import { createSastPool, type SastPool } from './parallel/pool.js';
import { languageOfPath } from './parse/languages.js';
import { loadSastRules, type SastRuleSettings } from './rule-set.js';
import type { SastRule } from './rules/types.js';
import { runTaintStage, type StoredModule } from './taint-stage.js';

export { loadSastRules } from './rule-set.js';

export interface SastOptions extends SastRuleSettings {
  /** Path names or globs left out (GitLab's SAST_EXCLUDED_PATHS); default `spec, test, tests, tmp`. */
  readonly excludedPaths?: readonly string[];
  /** Threads for the per-file stage, the calling one included (`--jobs`); default one per core from three cores up, else one. */
  readonly threads?: number;
  /** The worker script (tests and benchmarks of the bundled build); default beside the pool module. */
  readonly workerFile?: string;
  /** Source bytes read before worker threads are started (tests); default 1.5 MB. */
  readonly poolMinBytes?: number;
}

const VERSION = '1.0.0';

// A batch is this many files or bytes of source, whichever comes first: small, because this thread
// takes batches too, and while it works on one it cannot hand the workers more.
const BATCH_FILES = 16;
const BATCH_BYTES = 160 * 1024;
// Batches queued per worker, so that it never waits while this thread works on one.
const QUEUED_PER_WORKER = 3;
// Below this much source, starting threads (each loads tree-sitter and compiles the rules) costs more than it saves.
const POOL_MIN_BYTES = 1536 * 1024;
// Source kept for the taint stage (its IR is about ten times larger); past it, files are analysed
// by the search rules only, and a notice says so.
const TAINT_SOURCE_BUDGET = 24 * 1024 * 1024;

/**
 * Static analysis of source code in two stages. Per file, on worker threads: parse, translate to
 * the IR, run the search rules, and note which taint rules have a source or a sink in it. Then on
 * this thread, each taint rule over the modules a flow could cross (found through the import
 * graph), so that flows can go from file to file.
 */
export function createSastAnalyzer(options: SastOptions): TreeAnalyzer {
  const isExcluded = createExcludeTest(options.excludedPaths ?? DEFAULT_SAST_EXCLUDES);
  let loaded: { rules: SastRule[]; problems: Problem[] } | undefined;
  const rules = (): { rules: SastRule[]; problems: Problem[] } => (loaded ??= loadSastRules(options));
  const ruleSettings: SastRuleSettings = {
    disabledRules: options.disabledRules,
    ...(options.rulesPaths ? { rulesPaths: options.rulesPaths } : {}),
    ...(options.builtinRules === undefined ? {} : { builtinRules: options.builtinRules }),
  };
  return {
    id: SAST_ANALYZER_ID,
    version: VERSION,
    reportType: 'sast',
    claims: (file: FileEntry) => languageOfPath(file.path) !== undefined && !isExcluded(file.path),
    primaryIdentifiers: (): Identifier[] => rules().rules.map((rule) => ruleIdentifiers(rule)[0]),
    async analyzeTree(input: TreeInput): Promise<AnalyzerResult> {
      const { rules: all, problems: ruleProblems } = rules();
      const problems: Problem[] = [...ruleProblems];
      const findings: Finding[] = [];
      const store = new Map<string, StoredModule>();
      const withRules = new Set<Language>(all.flatMap((rule) => rule.languages));
      const withTaint = new Set<Language>(all.filter((rule) => rule.mode === 'taint').flatMap((rule) => rule.languages));
      const texts = new Map<string, string>();
      let retained = 0;
      let leftOut = 0;
      const accept = (outcomes: readonly SastBatchOutcome[]): void => {
        for (const outcome of outcomes) {
          findings.push(...outcome.findings);
          problems.push(...outcome.problems);
          const text = texts.get(outcome.path);
          texts.delete(outcome.path);
          if (!outcome.facts || text === undefined || !withTaint.has(outcome.facts.language)) continue;
          // Past the budget a module stays in the import graph (its facts) without its text or IR.
          const within = retained + text.length <= TAINT_SOURCE_BUDGET;
          const stored: StoredModule = { facts: outcome.facts, text: within ? text : '' };
          if (within) {
            retained += text.length;
            if (outcome.module) stored.module = outcome.module;
            else if (outcome.json !== undefined) stored.json = outcome.json;
          } else leftOut++;
          store.set(outcome.path, stored);
        }
      };
      const preloaded: PreloadedRules = { key: rulesKey(ruleSettings), rules: all };
      await perFileStage(input, withRules, preloaded, ruleSettings, options, texts, accept, problems);
      if (leftOut > 0) {
        problems.push({
          code: 'sast-taint-budget',
          message: `taint analysis covers the first ${TAINT_SOURCE_BUDGET / 1024 / 1024} MB of source; ${leftOut} more file(s) were checked by the pattern rules only`,
          level: 'warn',
        });
      }
      if (!input.signal?.aborted) findings.push(...runTaintStage(all, store, problems));
      const failed = problems.some((problem) => problem.level === 'error');
      return { findings: dedupe(findings), problems, status: failed ? 'partial' : 'ok' };
    },
  };
}

/**
 * Reads the claimed files in walk order and analyses them in batches: on this thread for a small
 * tree; for a larger one on worker threads too, this thread taking a batch whenever every worker
 * already has its queue full (as the file scan does), so two cores keep two threads busy.
 */
export async function perFileStage(
  input: TreeInput,
  languages: ReadonlySet<Language>,
  preloaded: PreloadedRules,
  rules: SastRuleSettings,
  options: SastOptions,
  texts: Map<string, string>,
  accept: (outcomes: readonly SastBatchOutcome[]) => void,
  problems: Problem[],
): Promise<void> {
  const threads = Math.max(1, options.threads ?? defaultThreads());
  let pool: SastPool | undefined;
  let held: SourceFile[][] = [];
  let heldBytes = 0;
  const inFlight = new Set<Promise<void>>();
  const runHere = async (files: SourceFile[]): Promise<void> => {
    accept(await runSastBatch({ rules, files }, true, preloaded));
    // Let finished worker batches land (and new ones go out) before this thread takes another.
    await new Promise((resolve) => setImmediate(resolve));
  };
  const dispatch = (active: SastPool, files: SourceFile[]): void => {
    const task: SastBatchTask = { rules, files };
    const job = active.run(task).then(accept, (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      for (const file of files) {
        texts.delete(file.path);
        problems.push({ code: 'sast-file-failed', message: `${file.path}: not analyzed: the worker thread failed (${message})`, file: file.path, level: 'warn' });
      }
    });
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  const handOut = async (files: SourceFile[]): Promise<void> => {
    if (pool && inFlight.size < pool.threads * QUEUED_PER_WORKER) dispatch(pool, files);
    else await runHere(files);
  };
  const submit = async (files: SourceFile[], bytes: number): Promise<void> => {
    if (pool) return handOut(files);
    held.push(files);
    heldBytes += bytes;
    if (threads > 1 && heldBytes >= (options.poolMinBytes ?? POOL_MIN_BYTES)) {
      pool = createSastPool(threads - 1, preloaded, ...(options.workerFile ? [options.workerFile] : []));
      const waiting = held;
      held = [];
      for (const batch of waiting) await handOut(batch);
    }
  };
  try {
    let batch: SourceFile[] = [];
    let bytes = 0;
    for (const entry of input.files) {
      if (input.signal?.aborted) break;
      const language = languageOfPath(entry.path);
      if (!language || !languages.has(language)) continue;
      const text = input.readFile(entry.path);
      if (text === undefined) continue;
      texts.set(entry.path, text);
      batch.push({ path: entry.path, language, text });
      bytes += text.length;
      if (batch.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
        await submit(batch, bytes);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length > 0) await submit(batch, bytes);
    for (const waiting of held) await runHere(waiting);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
}

/**
 * One thread per core from three cores up; on one or two, this thread alone. Measured on two
 * cores (CPython standard library): a worker adds a second V8 heap and the JSON round trip of
 * the modules, about 40% more CPU in all, while V8's garbage collector threads already keep the
 * second core partly busy when one thread works, so two threads were no faster than one.
 */
function defaultThreads(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : cores;
}

/** One finding per rule and span, even when two patterns of a rule matched it. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const loc = finding.location;
    const key = loc.kind === 'source' ? `${finding.ruleId}:${loc.file}:${loc.startLine}:${loc.startColumn ?? 0}:${loc.endLine}:${loc.endColumn ?? 0}` : JSON.stringify(loc);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
