import { stat } from 'node:fs/promises';
import { testRulesIn } from '../../analyzers/sast/rules/fixture-test.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors.js';

/**
 * `bulwark rules test <dir>`: every rule under `dir` against its annotated fixture (same base
 * name, a source extension). Prints pass/fail per rule with file:line of each mismatch; exits 1
 * when a rule fails or a rule file is invalid.
 */
export async function rulesTestCommand(dir: string, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new UsageError(`${dir} is not a folder of rules`);
  const { results, problems } = await testRulesIn(dir);
  for (const problem of problems) out.write(`invalid  ${problem.message}\n`);
  for (const result of results) {
    out.write(`${result.passed ? 'pass' : 'FAIL'}  ${result.ruleId}${result.todo > 0 ? ` (${result.todo} todo)` : ''}\n`);
    for (const mismatch of result.mismatches) out.write(`        ${mismatch}\n`);
  }
  const failed = results.filter((r) => !r.passed).length;
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => results.reduce((n, r) => n + r[key], 0);
  out.write(`${results.length} rule(s): ${results.length - failed} passed, ${failed} failed; ${sum('truePositives')} expected findings found, ${sum('falseNegatives')} missed, ${sum('falsePositives')} unexpected\n`);
  return failed > 0 || problems.length > 0 || results.length === 0 ? EXIT_FINDINGS : EXIT_OK;
}
