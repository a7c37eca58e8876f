import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import type { Confidence } from '../../../core/finding.js';
import type { Problem } from '../../../core/result.js';
import { isSeverity, type Severity } from '../../../core/severity.js';
import type { Language } from '../ir/types.js';
import { checkRulePatterns } from '../match/index.js';
import { languageOfName } from '../parse/languages.js';
import { initLanguages } from '../parse/parser.js';
import { formulaIn, isRecordValue, RuleError } from './formula.js';
import { normalizeOwasp } from './owasp.js';
import type { SastRule, TaintSpec } from './types.js';

const Str = Type.String({ minLength: 1, maxLength: 4000 });
const FormulaHolder = Type.Record(Type.String(), Type.Unknown());

const RuleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 128 }),
    languages: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    message: Str,
    severity: Type.String({ minLength: 1 }),
    confidence: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low'), Type.Literal('HIGH'), Type.Literal('MEDIUM'), Type.Literal('LOW')])),
    metadata: Type.Object(
      {
        title: Type.Optional(Str),
        category: Type.Optional(Type.String()),
        cwe: Type.Optional(Type.Array(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1 })]))),
        owasp: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        references: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      },
      { additionalProperties: true },
    ),
    mode: Type.Optional(Type.Union([Type.Literal('search'), Type.Literal('taint')])),
    pattern: Type.Optional(Type.String()),
    patterns: Type.Optional(Type.Array(Type.Unknown())),
    'pattern-either': Type.Optional(Type.Array(Type.Unknown())),
    'pattern-sources': Type.Optional(Type.Array(FormulaHolder)),
    'pattern-sinks': Type.Optional(Type.Array(FormulaHolder)),
    'pattern-sanitizers': Type.Optional(Type.Array(FormulaHolder)),
    'pattern-propagators': Type.Optional(Type.Array(FormulaHolder)),
  },
  { additionalProperties: false },
);
type RawRule = Static<typeof RuleSchema>;

// Semgrep's severities, for rules written for it.
const SEVERITY_ALIASES: Readonly<Record<string, Severity>> = { error: 'high', warning: 'medium', info: 'low' };

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function cweNumber(value: number | string, path: string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(?:CWE-)?(\d+)\b/i.exec(value);
  if (!match) throw new RuleError(path, `"${value}" is not a CWE id (write 78 or "CWE-78")`);
  return Number(match[1]);
}

function taintSpec(raw: RawRule, path: string): TaintSpec {
  const entries = (key: 'pattern-sources' | 'pattern-sinks' | 'pattern-sanitizers' | 'pattern-propagators', extra: readonly string[]): { holder: Record<string, unknown>; at: string }[] =>
    (raw[key] ?? []).map((holder, index) => ({ holder, at: `${path}.${key}[${index}]` })).map((entry) => {
      if (!isRecordValue(entry.holder)) throw new RuleError(entry.at, 'must be an object');
      formulaIn(entry.holder, entry.at, extra);
      return entry;
    });
  const sources = entries('pattern-sources', ['label']);
  const sinks = entries('pattern-sinks', []);
  if (sources.length === 0) throw new RuleError(`${path}.pattern-sources`, 'a taint rule needs at least one source');
  if (sinks.length === 0) throw new RuleError(`${path}.pattern-sinks`, 'a taint rule needs at least one sink');
  return {
    sources: sources.map(({ holder, at }) => ({ formula: formulaIn(holder, at, ['label']), ...(typeof holder['label'] === 'string' ? { label: holder['label'] } : {}) })),
    sinks: sinks.map(({ holder, at }) => ({ formula: formulaIn(holder, at) })),
    sanitizers: entries('pattern-sanitizers', ['by-side-effect']).map(({ holder, at }) => ({
      formula: formulaIn(holder, at, ['by-side-effect']),
      ...(holder['by-side-effect'] === true ? { bySideEffect: true } : {}),
    })),
    propagators: entries('pattern-propagators', ['from', 'to']).map(({ holder, at }) => {
      const from = holder['from'];
      const to = holder['to'];
      if (typeof from !== 'string' || typeof to !== 'string') throw new RuleError(at, 'a propagator needs "from" and "to" metavariables');
      return { formula: formulaIn(holder, at, ['from', 'to']), from, to };
    }),
  };
}

function compileRule(raw: RawRule, path: string, file: string): SastRule {
  const languages: Language[] = [];
  raw.languages.forEach((name, index) => {
    const language = languageOfName(name);
    if (!language) throw new RuleError(`${path}.languages[${index}]`, `unknown language "${name}"`);
    // One IR serves the JavaScript family: a JavaScript rule covers TypeScript and TSX too.
    const family: Language[] = language === 'javascript' ? ['javascript', 'typescript', 'tsx'] : language === 'typescript' ? ['typescript', 'tsx'] : [language];
    for (const member of family) if (!languages.includes(member)) languages.push(member);
  });
  const severityText = raw.severity.toLowerCase();
  const severity = isSeverity(severityText) ? severityText : SEVERITY_ALIASES[severityText];
  if (!severity) throw new RuleError(`${path}.severity`, `"${raw.severity}" is not a severity (critical, high, medium, low, info)`);
  const cwe = (raw.metadata.cwe ?? []).map((value, index) => cweNumber(value, `${path}.metadata.cwe[${index}]`));
  const owasp = (raw.metadata.owasp ?? []).map((value, index) => {
    const id = normalizeOwasp(value);
    if (!id) throw new RuleError(`${path}.metadata.owasp[${index}]`, `"${value}" is not an OWASP Top 10 id such as "A03:2021"`);
    return id;
  });
  const base = {
    id: raw.id,
    languages,
    message: raw.message.trim(),
    severity,
    confidence: (raw.confidence?.toLowerCase() ?? 'medium') as Confidence,
    metadata: {
      title: raw.metadata.title ?? raw.id,
      category: raw.metadata.category ?? 'security',
      cwe,
      owasp,
      references: raw.metadata.references ?? [],
    },
    file,
  };
  const isTaint = raw.mode === 'taint' || raw['pattern-sources'] !== undefined;
  if (isTaint) {
    for (const key of ['pattern', 'patterns', 'pattern-either'] as const) {
      if (raw[key] !== undefined) throw new RuleError(`${path}.${key}`, 'a taint rule takes pattern-sources and pattern-sinks, not a top-level pattern');
    }
    return { ...base, mode: 'taint', taint: taintSpec(raw, path) };
  }
  for (const key of ['pattern-sinks', 'pattern-sanitizers', 'pattern-propagators'] as const) {
    if (raw[key] !== undefined) throw new RuleError(`${path}.${key}`, 'only taint rules (mode: taint) take sources, sinks, sanitizers and propagators');
  }
  return { ...base, mode: 'search', formula: formulaIn(raw as Record<string, unknown>, path, Object.keys(raw).filter((k) => !['pattern', 'patterns', 'pattern-either'].includes(k))) };
}

export interface LoadedRules {
  readonly rules: SastRule[];
  readonly problems: Problem[];
}

/** Parse one rule file's text. Each bad rule is a problem naming the file and the key; good rules still load. */
export function parseRules(text: string, file: string): LoadedRules {
  const problem = (message: string): Problem => ({ code: 'sast-invalid-rule', message: `${file}: ${message}`, file, level: 'error' });
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) return { rules: [], problems: [problem(`not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`)] };
  const data = document.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isRecordValue(data) || !Array.isArray(data['rules'])) return { rules: [], problems: [problem('expected a top-level "rules:" list')] };
  const extra = Object.keys(data).filter((key) => key !== 'rules');
  const rules: SastRule[] = [];
  const problems: Problem[] = extra.map((key) => problem(`unknown top-level key "${key}"`));
  data['rules'].forEach((raw: unknown, index: number) => {
    const path = `rules[${index}]`;
    if (!Value.Check(RuleSchema, raw)) {
      const first = [...Value.Errors(RuleSchema, raw)].slice(0, 3).map((error) => {
        const key = pointerToPath(error.path);
        const at = key === '' ? path : `${path}.${key}`;
        return error.message === 'Unexpected property' ? `${at}: unknown key` : `${at}: ${error.message}`;
      });
      problems.push(problem([...new Set(first)].join('; ')));
      return;
    }
    try {
      rules.push(compileRule(raw, `${path}(${raw.id})`, file));
    } catch (error) {
      if (error instanceof RuleError) problems.push(problem(error.message));
      else throw error;
    }
  });
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push(problem(`rule id "${rule.id}" appears twice`));
    seen.add(rule.id);
  }
  return { rules, problems };
}

const MAX_RULE_FILE = 1024 * 1024;

/** Every `.yaml` / `.yml` file under `dir` (recursively), in a stable order. */
export function ruleFilesIn(dir: string): string[] {
  const out: string[] = [];
  const visit = (folder: string, depth: number): void => {
    if (depth > 8) return;
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') visit(path, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && !/\.fixed\./.test(entry.name)) out.push(path);
    }
  };
  visit(dir, 0);
  return out;
}

/** Load a rule file or every rule file under a folder. `base` shortens the paths in messages. */
export function loadRules(path: string, base?: string): LoadedRules {
  let files: string[];
  try {
    files = statSync(path).isDirectory() ? ruleFilesIn(path) : [path];
  } catch (error) {
    return { rules: [], problems: [{ code: 'sast-rules-unreadable', message: `cannot read rules at ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, level: 'error' }] };
  }
  const rules: SastRule[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const shown = base ? relative(base, file) : file;
    let text: string;
    try {
      if (statSync(file).size > MAX_RULE_FILE) {
        problems.push({ code: 'sast-invalid-rule', message: `${shown}: rule file larger than 1 MB`, file: shown, level: 'error' });
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ code: 'sast-rules-unreadable', message: `cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file: shown, level: 'error' });
      continue;
    }
    const loaded = parseRules(text, shown);
    rules.push(...loaded.rules);
    problems.push(...loaded.problems);
  }
  return { rules, problems };
}

/**
 * The packaged rules pre-parsed: the build writes this file beside the YAML it copies to
 * dist/sast-rules (scripts/bundle.mjs), because parsing and checking every YAML file took about
 * 0.8 s of CPU per scan and reading this file takes a few milliseconds. The YAML stays the
 * source: the file is used only while its digest matches the YAML files beside it.
 */
export const PACKED_RULES_FILE = 'rules.json';
// Bump when the compiled rule shape (types.ts) or what the loader derives from the YAML changes.
const PACKED_FORMAT = 1;

interface PackedRules {
  readonly format: number;
  readonly digest: string;
  readonly rules: SastRule[];
}

/** Names and contents of the rule files under `dir`: what the packed rules were made from. */
function ruleFilesDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of ruleFilesIn(dir)) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The packed form of every rule file under `dir` (paths shown relative to it), or the problems that stop it. */
export function packRules(dir: string): { text?: string; problems: Problem[] } {
  const loaded = loadRules(dir, dir);
  if (loaded.problems.length > 0) return { problems: loaded.problems };
  const packed: PackedRules = { format: PACKED_FORMAT, digest: ruleFilesDigest(dir), rules: loaded.rules };
  return { text: JSON.stringify(packed), problems: [] };
}

/**
 * `loadRules(dir, dir)` from the packed file when there is one made from exactly the YAML files
 * now in `dir`; otherwise from the YAML. Only for the packaged rules: the packed file is trusted
 * (it is not checked against the schema again).
 */
export function loadPackagedRules(dir: string): LoadedRules {
  const packedPath = join(dir, PACKED_RULES_FILE);
  if (existsSync(packedPath)) {
    try {
      const packed = JSON.parse(readFileSync(packedPath, 'utf8')) as Partial<PackedRules>;
      if (packed.format === PACKED_FORMAT && Array.isArray(packed.rules) && packed.digest === ruleFilesDigest(dir)) return { rules: packed.rules, problems: [] };
    } catch {
      // Unreadable or not JSON: the YAML below says what is wrong, if anything.
    }
  }
  return loadRules(dir, dir);
}

/**
 * Like `loadRules`, then compiles every pattern of every rule for each of its languages (loading
 * the grammars): a rule with a pattern that does not compile is left out and reported, naming
 * the rule and the key, instead of silently matching nothing.
 */
export async function loadCheckedRules(path: string, base?: string): Promise<LoadedRules> {
  const loaded = loadRules(path, base);
  return checkLoadedRules(loaded);
}

/** Drops (and reports) the rules of `loaded` whose patterns do not compile. */
export async function checkLoadedRules(loaded: LoadedRules): Promise<LoadedRules> {
  await initLanguages([...new Set(loaded.rules.flatMap((rule) => rule.languages))]);
  const rules: SastRule[] = [];
  const problems = [...loaded.problems];
  for (const rule of loaded.rules) {
    const bad = checkRulePatterns(rule);
    if (bad.length === 0) rules.push(rule);
    else problems.push(...bad.map((p) => ({ ...p, code: 'sast-invalid-rule' })));
  }
  return { rules, problems };
}
