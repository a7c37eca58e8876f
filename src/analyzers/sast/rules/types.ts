/**
 * SAST rules once loaded from YAML and checked: the contract between the rule loader (rules/),
 * the pattern matcher (match/), the taint engine (taint/) and the analyzer. Plain data, so a rule
 * can be sent to a worker thread.
 *
 * The matcher and the taint engine export (see match/README.md, taint/README.md):
 *   compilePattern(language, formula) → CompiledPattern
 *   matchRule(rule, module, source?) → RuleMatch[]          (mode: search)
 *   runTaint(rule, modules, sources?) → RuleMatch[]         (mode: taint; all modules of one language)
 */
import type { Confidence } from '../../../core/finding.js';
import type { Severity } from '../../../core/severity.js';
import type { Language, Span } from '../ir/types.js';

/**
 * A pattern formula. `patterns:` is `all` (every positive item matches the same span; `not`,
 * `inside`, `not-inside` and `metavariable-regex` items filter it); `pattern-either:` is `any`.
 */
export type Formula =
  /** Code of the target language with `$X`, `$...ARGS` and `...`. */
  | { readonly kind: 'pattern'; readonly source: string }
  | { readonly kind: 'all'; readonly items: readonly Formula[] }
  | { readonly kind: 'any'; readonly items: readonly Formula[] }
  /** `pattern-not`: drop matches whose span this formula also matches. Only inside `all`. */
  | { readonly kind: 'not'; readonly item: Formula }
  /** `pattern-inside`: keep matches that lie within a span this formula matches. Only inside `all`. */
  | { readonly kind: 'inside'; readonly item: Formula }
  /** `pattern-not-inside`: drop matches that lie within a span this formula matches. Only inside `all`. */
  | { readonly kind: 'not-inside'; readonly item: Formula }
  /** Keep matches where the text bound to `metavariable` (`$X`) matches `regex` (JS syntax, unanchored). */
  | { readonly kind: 'metavariable-regex'; readonly metavariable: string; readonly regex: string }
  /** Report the span bound to `metavariable` instead of the whole match. Only inside `all`. */
  | { readonly kind: 'focus'; readonly metavariable: string };

export interface TaintSource {
  readonly formula: Formula;
  /** Optional label, for rules that need a value from two kinds of source. */
  readonly label?: string;
}

export interface TaintSink {
  readonly formula: Formula;
}

export interface TaintSanitizer {
  readonly formula: Formula;
  /** The sanitizer cleans its argument in place (`sanitize(x)` then `x` is clean). */
  readonly bySideEffect?: boolean;
}

/** Taint goes from the text bound to metavariable `from` to the one bound to `to` when `formula` matches. */
export interface TaintPropagator {
  readonly formula: Formula;
  readonly from: string;
  readonly to: string;
}

export interface TaintSpec {
  readonly sources: readonly TaintSource[];
  readonly sinks: readonly TaintSink[];
  readonly sanitizers: readonly TaintSanitizer[];
  readonly propagators: readonly TaintPropagator[];
}

export interface SastRuleMetadata {
  readonly title: string;
  readonly category: string;
  readonly cwe: readonly number[];
  /** OWASP Top 10 categories as `A03:2021` (with an optional ` - Injection` name dropped). */
  readonly owasp: readonly string[];
  readonly references: readonly string[];
}

interface SastRuleBase {
  /** Stable id; for packaged rules equal to the file name. */
  readonly id: string;
  readonly languages: readonly Language[];
  /** What is wrong and how to fix it; `$X` is replaced by the text bound to `$X`. */
  readonly message: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly metadata: SastRuleMetadata;
  /** The YAML file the rule came from (absolute or as given), for error messages. */
  readonly file: string;
}

export interface SearchRule extends SastRuleBase {
  readonly mode: 'search';
  readonly formula: Formula;
}

export interface TaintRule extends SastRuleBase {
  readonly mode: 'taint';
  readonly taint: TaintSpec;
}

export type SastRule = SearchRule | TaintRule;

/** One step of a taint path, source first, sink last. */
export interface FlowStep {
  /** Module path (as in `Module.path`). */
  readonly path: string;
  readonly span: Span;
  /** `source`, `sink`, or what carried the value (`assignment`, `call`, `return`, `argument`, `import`…). */
  readonly step: string;
}

/** What metavariable `$X` matched: its span in the module and, when known, its text or constant value. */
export interface Binding {
  readonly span: Span;
  readonly text?: string;
}

/** One hit of a rule in a module. */
export interface RuleMatch {
  /** Module path of the reported span. */
  readonly path: string;
  readonly span: Span;
  readonly bindings: Readonly<Record<string, Binding>>;
  /** Taint rules: source → sink. */
  readonly flow?: readonly FlowStep[];
}
