import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyIacFramework, IacRule } from '../src/analyzers/iac/types.js';

/**
 * The fixture test every IaC framework runs. For each rule `R` of the framework, the folder holds
 * `R.bad.<ext>` and `R.good.<ext>` (the extension is the framework's own: `.yaml`, `Dockerfile`…).
 * In the bad file, every line where R must fire carries the comment `expect: R`, and R must fire
 * on exactly those lines; in the good file (the hardened variant) R must not fire at all.
 */
export function describeFrameworkRules(framework: AnyIacFramework, fixturesDir: string, fileName: (ruleId: string, kind: 'bad' | 'good') => string): void {
  const files = new Set(readdirSync(fixturesDir));
  const violationsOf = (rule: IacRule<unknown>, path: string): number[] => {
    const text = readFileSync(path, 'utf8');
    const parsed = framework.parse(text, path);
    return parsed.targets.flatMap((target) => rule.check(target).map((v) => v.line)).sort((a, b) => a - b);
  };

  describe(`${framework.id} rules`, () => {
    it('have unique ids with the framework prefix, and complete advice', () => {
      const ids = framework.rules.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of framework.rules) {
        expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(rule.title.length).toBeGreaterThan(5);
        expect(rule.description.length).toBeGreaterThan(20);
        expect(rule.remediation.length).toBeGreaterThan(10);
        expect(rule.cwe).toBeGreaterThan(0);
      }
    });

    for (const rule of framework.rules) {
      it(`${rule.id} fires on exactly the marked lines of its bad fixture and not on its good one`, () => {
        const bad = fileName(rule.id, 'bad');
        const good = fileName(rule.id, 'good');
        expect(files.has(bad), `missing fixture ${bad}`).toBe(true);
        expect(files.has(good), `missing fixture ${good}`).toBe(true);
        const badPath = join(fixturesDir, bad);
        const marked = readFileSync(badPath, 'utf8')
          .split('\n')
          .flatMap((line, i) => (new RegExp(`expect: ${rule.id}(\\s|$)`).test(line) ? [i + 1] : []));
        expect(marked.length, `${bad} marks no line with "expect: ${rule.id}"`).toBeGreaterThan(0);
        expect(violationsOf(rule, badPath)).toEqual(marked);
        expect(violationsOf(rule, join(fixturesDir, good))).toEqual([]);
      });
    }
  });
}
