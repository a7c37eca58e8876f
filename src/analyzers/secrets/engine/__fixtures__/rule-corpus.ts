// Test support: every text the secret rules are tested on, for checks that must hold on all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const CASES_DIR = fileURLToPath(new URL('../../../../../test/secrets-eval/cases/', import.meta.url));

/** The rule fixtures and the evaluation cases. */
export function ruleTestCorpus(): string[] {
  const fixtures = readdirSync(RULES_DIR)
    .filter((name) => name.endsWith('.fixture.txt'))
    .map((name) => readFileSync(`${RULES_DIR}${name}`, 'latin1'));
  const cases = readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(`${CASES_DIR}${name}`, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
  return [...fixtures, ...cases];
}
