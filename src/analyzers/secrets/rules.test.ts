import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import { splitChunks } from '../../engine/chunks.js';
import type { FileAnalyzer, FileEntry } from '../types.js';
import { expectGolden } from '../../../test/golden.js';
import { createSecretsAnalyzer } from './analyzer.js';
import { renderSecretRulesDoc } from './rules-doc.js';
import type { SecretRule } from './rule.js';
import { SECRET_RULE_FAMILIES, SECRET_RULES } from './rules/index.js';

const RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));
const FAMILY_FILES = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts')
  .map((name) => name.slice(0, -3))
  .sort();

const familyRuleSets = new Map<string, readonly SecretRule[]>();

/** The family's rules plus every registered rule: fixtures must hold against the whole set. */
async function loadFamily(family: string): Promise<readonly SecretRule[]> {
  const module = (await import(`./rules/${family}.ts`)) as Record<string, unknown>;
  const exported = Object.entries(module).filter(([name]) => name.endsWith('Rules'));
  if (exported.length !== 1) throw new Error(`rules/${family}.ts must export exactly one <family>Rules array`);
  return (exported[0] as [string, readonly SecretRule[]])[1];
}

function withFamily(family: string, rules: readonly SecretRule[]): readonly SecretRule[] {
  let set = familyRuleSets.get(family);
  if (!set) {
    const ids = new Set(rules.map((rule) => rule.meta.id));
    set = [...rules, ...SECRET_RULES.filter((rule) => !ids.has(rule.meta.id))];
    familyRuleSets.set(family, set);
  }
  return set;
}

const analyzers = new WeakMap<readonly SecretRule[], FileAnalyzer>();

/** Compiling every rule takes a while; do it once per rule set. */
function analyzerFor(rules: readonly SecretRule[]): FileAnalyzer {
  let analyzer = analyzers.get(rules);
  if (!analyzer) {
    analyzer = createSecretsAnalyzer({}, rules).analyzer;
    analyzers.set(rules, analyzer);
  }
  return analyzer;
}

function scan(text: string, rules: readonly SecretRule[], chunkSize?: number): Finding[] {
  const analyzer = analyzerFor(rules);
  const file: FileEntry = { path: 'fixture.txt', absPath: '/fixture.txt', size: text.length };
  const buffer = Buffer.from(text, 'latin1');
  const chunks = chunkSize === undefined ? splitChunks(buffer) : splitChunks(buffer, { chunkSize, overlap: chunkSize / 2 });
  return [...chunks].flatMap((chunk) => analyzer.analyzeChunk(file, chunk).findings);
}

interface Annotation {
  readonly line: number;
  readonly kind: 'ruleid' | 'ok';
  readonly ruleIds: readonly string[];
}

const ANNOTATION = /\b(ruleid|ok):\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)/;

/** `ruleid: x` / `ok: x` apply to the next line that is not itself an annotation. */
function parseAnnotations(text: string): Annotation[] {
  const lines = text.split('\n');
  const annotations: Annotation[] = [];
  let pending: { kind: 'ruleid' | 'ok'; ruleIds: string[] }[] = [];
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (match && /^\s*(#|\/\/|<!--|;|--)/.test(line)) {
      pending.push({ kind: match[1] as 'ruleid' | 'ok', ruleIds: (match[2] as string).split(/\s*,\s*/) });
      return;
    }
    for (const entry of pending) annotations.push({ line: index + 1, ...entry });
    pending = [];
  });
  return annotations;
}

describe('analyzers/secrets/rules', () => {
  it('lists every family file in rules/index.ts', () => {
    expect(Object.keys(SECRET_RULE_FAMILIES).sort()).toEqual(FAMILY_FILES);
  });

  it('has unique ids prefixed by their family, with CWE, references and keywords', () => {
    const seen = new Set<string>();
    for (const [family, rules] of Object.entries(SECRET_RULE_FAMILIES)) {
      for (const rule of rules) {
        expect(seen.has(rule.meta.id), `duplicate id ${rule.meta.id}`).toBe(false);
        seen.add(rule.meta.id);
        expect(rule.meta.id.startsWith(`${family}-`), `${rule.meta.id} must start with ${family}-`).toBe(true);
        expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(rule.meta.cwe.length, rule.meta.id).toBeGreaterThan(0);
        expect(rule.meta.references.length, `${rule.meta.id} needs a reference`).toBeGreaterThan(0);
        expect(rule.keywords.length, rule.meta.id).toBeGreaterThan(0);
        expect(rule.meta.description.length, rule.meta.id).toBeGreaterThan(20);
        expect(rule.pattern.flags, rule.meta.id).not.toMatch(/[gy]/);
        expect(rule.maxLength, rule.meta.id).toBeLessThanOrEqual(32 * 1024);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('keeps docs/secret-rules.md in step with the rules', () => {
    const doc = fileURLToPath(new URL('../../../docs/secret-rules.md', import.meta.url));
    expectGolden(doc, renderSecretRulesDoc(SECRET_RULE_FAMILIES));
  });

  describe.each(FAMILY_FILES)('%s', (family) => {
    const fixturePath = `${RULES_DIR}${family}.fixture.txt`;

    it('has a fixture whose annotations hold', async () => {
      const familyRules = await loadFamily(family);
      const text = readFileSync(fixturePath, 'latin1');
      const annotations = parseAnnotations(text);
      const findings = scan(text, withFamily(family, familyRules));
      const found = (line: number, ruleId: string): number =>
        findings.filter((f) => f.location.kind === 'source' && f.location.startLine === line && f.ruleId === ruleId).length;

      for (const rule of familyRules) {
        const cases = annotations.filter((a) => a.kind === 'ruleid' && a.ruleIds.includes(rule.meta.id));
        expect(cases.length, `${rule.meta.id} needs a "ruleid:" fixture line`).toBeGreaterThan(0);
      }
      expect(annotations.some((a) => a.kind === 'ok'), `${family} needs "ok:" fixture lines`).toBe(true);
      for (const annotation of annotations) {
        for (const ruleId of annotation.ruleIds) {
          const count = found(annotation.line, ruleId);
          const where = `${family}.fixture.txt:${annotation.line} ${annotation.kind}: ${ruleId}`;
          expect(count, where).toBe(annotation.kind === 'ruleid' ? 1 : 0);
        }
      }
      const expected = new Set(
        annotations.filter((a) => a.kind === 'ruleid').flatMap((a) => a.ruleIds.map((id) => `${a.line}:${id}`)),
      );
      const unexpected = findings
        .map((f) => `${f.location.kind === 'source' ? f.location.startLine : 0}:${f.ruleId}`)
        .filter((key) => !expected.has(key));
      expect(unexpected, `${family}: findings on lines not annotated "ruleid"`).toEqual([]);
    });

    it('finds each sample at the start, middle and end of a buffer, back to back, and across chunk boundaries', async () => {
      const familyRules = await loadFamily(family);
      const text = readFileSync(fixturePath, 'latin1');
      const lines = text.split('\n');
      const rules = withFamily(family, familyRules);
      for (const rule of familyRules) {
        const annotation = parseAnnotations(text).find((a) => a.kind === 'ruleid' && a.ruleIds.includes(rule.meta.id));
        if (!annotation) continue;
        const sample = lines[annotation.line - 1] as string;
        const filler = 'lorem ipsum dolor sit amet, nothing to see here\n'.repeat(40);
        const count = (input: string, chunkSize?: number): number =>
          scan(input, rules, chunkSize).filter((f) => f.ruleId === rule.meta.id).length;
        const id = rule.meta.id;
        expect(count(sample), `${id} at start, no newline`).toBe(1);
        expect(count(`${filler}${sample}\n${filler}`), `${id} in the middle`).toBe(1);
        expect(count(`${filler}${sample}`), `${id} at the end`).toBe(1);
        expect(count(`${sample}\n${sample}\n${sample}`), `${id} back to back`).toBe(3);
        // Small chunks put the sample across a boundary at many offsets; the overlap keeps it whole.
        const chunkSize = 4 * 1024 * Math.ceil((rule.maxLength * 2 + 256) / 1024);
        for (const shift of [0, 7, 31, 63, 129]) {
          const padding = 'x'.repeat(chunkSize / 2 - Math.floor(sample.length / 2) + shift - 1);
          expect(count(`${padding}\n${sample}\n${filler}`, chunkSize), `${id} across a chunk boundary (+${shift})`).toBe(1);
        }
        const middle = scan(`${filler}${sample}\n`, rules).find((f) => f.ruleId === id);
        expect(middle?.location.kind === 'source' && middle.location.startLine, `${id} line number`).toBe(41);
      }
    });
  });
});
