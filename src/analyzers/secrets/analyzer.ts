import picomatch from 'picomatch';
import type { Finding } from '../../core/finding.js';
import { cweIdentifier, type Identifier, type Identifiers } from '../../core/identifier.js';
import type { Problem } from '../../core/result.js';
import type { ChunkResult, FileAnalyzer, FileEntry, TextChunk } from '../types.js';
import { compileCustomRule, type CustomSecretRuleSpec } from './custom-rule.js';
import { LineCounter, lineBounds } from './engine/lines.js';
import { hashSecret, maskSecret } from './engine/mask.js';
import { compileSecretMatcher, type SecretHit, type SecretMatcher } from './engine/scan-text.js';
import type { SecretRule } from './rule.js';
import { SECRET_RULES } from './rules/index.js';

export const SECRETS_ANALYZER_ID = 'secrets';
// Bump when the same input gives different findings.
export const SECRETS_ANALYZER_VERSION = '1.0.0';

/** Plain data, so the options can be sent to worker threads. */
export interface SecretsOptions {
  readonly disabledRules?: readonly string[];
  readonly customRules?: readonly CustomSecretRuleSpec[];
  /** Globs of paths the secrets analyzer skips. */
  readonly allowPaths?: readonly string[];
  /** Regular expressions (source text): a secret matching one is not reported. */
  readonly allowValues?: readonly string[];
  /** Words that, inside a secret, mark it as not one. */
  readonly stopwords?: readonly string[];
}

// Files whose random-looking content is integrity hashes and checksums, never credentials.
const SKIPPED_FILE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'go.sum',
  'Cargo.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'composer.lock',
  'Gemfile.lock',
  'packages.lock.json',
  'gradle.lockfile',
]);
const SKIPPED_EXTENSIONS = /\.(png|jpe?g|gif|bmp|ico|webp|tiff?|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dylib|dll|exe|o|a|pyc|wasm|mp[34]|mov|avi)$/i;
const INLINE_ALLOW = 'bulwark:allow';
const SNIPPET_SIDE = 80;

/** The rules a scan runs when its configuration disables none and adds none (the build packs their automaton). */
export const DEFAULT_SECRET_RULES: readonly SecretRule[] = SECRET_RULES.filter((rule) => rule.meta.deprecated !== true);

export function createSecretsAnalyzer(
  options: SecretsOptions = {},
  ruleSet: readonly SecretRule[] = SECRET_RULES,
): { analyzer: FileAnalyzer; problems: Problem[] } {
  const problems: Problem[] = [];
  const disabled = new Set(options.disabledRules ?? []);
  const rules: SecretRule[] = ruleSet.filter((rule) => !disabled.has(rule.meta.id) && rule.meta.deprecated !== true);
  for (const spec of options.customRules ?? []) {
    const compiled = compileCustomRule(spec);
    if (compiled.ok) rules.push(compiled.value);
    else problems.push({ code: 'invalid-custom-rule', message: compiled.error, level: 'error' });
  }
  const isAllowedPath = (options.allowPaths ?? []).length > 0 ? picomatch([...(options.allowPaths ?? [])], { dot: true }) : () => false;
  const allowValues = (options.allowValues ?? []).map((source) => new RegExp(source));
  const stopwords = (options.stopwords ?? []).map((word) => word.toLowerCase());
  // Compiled on first use: a thread that only lists rule ids (the main thread) never pays for it.
  let matcher: SecretMatcher | undefined;

  const isAllowedValue = (secret: string): boolean => {
    if (allowValues.some((re) => re.test(secret))) return true;
    const lower = secret.toLowerCase();
    return stopwords.some((word) => lower.includes(word));
  };

  const analyzer: FileAnalyzer = {
    id: SECRETS_ANALYZER_ID,
    version: SECRETS_ANALYZER_VERSION,
    reportType: 'secret_detection',
    wants(file: FileEntry): boolean {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      return !SKIPPED_FILE_NAMES.has(name) && !SKIPPED_EXTENSIONS.test(name) && !isAllowedPath(file.path);
    },
    analyzeChunk(file: FileEntry, chunk: TextChunk): ChunkResult {
      const findings: Finding[] = [];
      matcher ??= compileSecretMatcher(rules);
      const hits = matcher.find(chunk.bytes, () => chunk.text);
      if (hits.length === 0) return { findings, problems: [] };
      const lines = new LineCounter(chunk.text);
      for (const hit of hits) {
        if (hit.start < chunk.ownedStart || hit.start >= chunk.ownedEnd || isAllowedValue(hit.secret)) continue;
        const [lineStart, lineEnd] = lineBounds(chunk.text, hit.start);
        if (chunk.text.slice(lineStart, lineEnd).includes(INLINE_ALLOW)) continue;
        findings.push(toFinding(file, chunk, hit, lines, lineStart, lineEnd));
      }
      return { findings, problems: [] };
    },
    primaryIdentifiers(): Identifier[] {
      return rules.map((rule) => ruleIdentifier(rule));
    },
  };
  return { analyzer, problems };
}

export function ruleIdentifier(rule: SecretRule): Identifier {
  return { type: 'bulwark_rule_id', name: `Bulwark rule ${rule.meta.id}`, value: rule.meta.id };
}

function toFinding(
  file: FileEntry,
  chunk: TextChunk,
  hit: SecretHit,
  lines: LineCounter,
  lineStart: number,
  lineEnd: number,
): Finding {
  const { rule } = hit;
  const toLine = (index: number): number => (chunk.lineMap ? (chunk.lineMap[index] ?? index + 1) : chunk.startLine + index);
  const startLine = toLine(lines.lineIndexAt(hit.secretStart));
  const endLine = toLine(lines.lineIndexAt(hit.secretEnd));
  const masked = maskSecret(hit.secret);
  const identifiers: Identifiers = [ruleIdentifier(rule), ...rule.meta.cwe.map((cwe) => cweIdentifier(cwe))];
  return {
    ruleId: rule.meta.id,
    reportType: 'secret_detection',
    title: rule.meta.title,
    description: rule.meta.description,
    severity: rule.meta.severity,
    confidence: rule.meta.confidence,
    identifiers,
    location: {
      kind: 'source',
      file: file.path,
      startLine,
      endLine,
      startColumn: hit.secretStart - lineStart + 1,
      endColumn: startLine === endLine ? hit.secretEnd - lineStart + 1 : 1,
    },
    evidence: {
      snippet: redactedSnippet(chunk.text, lineStart, lineEnd, hit, masked),
      secretHash: hashSecret(hit.secret),
      maskedSecret: masked,
      entropy: Math.round(hit.entropy * 100) / 100,
    },
    remediation:
      'Revoke or rotate this credential at its provider now, then remove it from the code and its history; load it at run time from a secret store or the CI variables.',
    links: rule.meta.references.map((url) => ({ url })),
    analyzer: SECRETS_ANALYZER_ID,
  };
}

/** The finding's line with the secret masked, cut to a readable width around it. */
function redactedSnippet(text: string, lineStart: number, lineEnd: number, hit: SecretHit, masked: string): string {
  const secretEndOnLine = Math.min(hit.secretEnd, lineEnd);
  const from = Math.max(lineStart, hit.secretStart - SNIPPET_SIDE);
  const to = Math.min(lineEnd, secretEndOnLine + SNIPPET_SIDE);
  const before = text.slice(from, hit.secretStart);
  const after = hit.secretEnd <= lineEnd ? text.slice(hit.secretEnd, to) : '';
  return `${from > lineStart ? '…' : ''}${before}${masked}${after}${to < lineEnd ? '…' : ''}`.replace(/\r/g, '');
}
