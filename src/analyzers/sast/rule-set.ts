import type { Problem } from '../../core/result.js';
import { builtinRulesDir } from './rules/builtin.js';
import { loadPackagedRules, loadRules } from './rules/loader.js';
import type { SastRule } from './rules/types.js';

/** Which rules a scan runs, as plain data (it is sent to worker threads, which load the rules again). */
export interface SastRuleSettings {
  /** Rule ids switched off (`rules.disable` in `.bulwark.yml`). */
  readonly disabledRules: readonly string[];
  /** Folders or files of the user's own rules (`--rules`), added to the packaged ones. */
  readonly rulesPaths?: readonly string[];
  /** Leave out the packaged rules (tests, `bulwark rules test`). */
  readonly builtinRules?: boolean;
}

/** Packaged rules plus the user's, minus the disabled ones; problems name each bad rule file. */
export function loadSastRules(options: SastRuleSettings): { rules: SastRule[]; problems: Problem[] } {
  const rules: SastRule[] = [];
  const problems: Problem[] = [];
  const builtin = options.builtinRules === false ? undefined : builtinRulesDir();
  for (const path of [...(builtin ? [builtin] : []), ...(options.rulesPaths ?? [])]) {
    const loaded = path === builtin ? loadPackagedRules(builtin) : loadRules(path);
    rules.push(...loaded.rules);
    problems.push(...loaded.problems);
  }
  const disabled = new Set(options.disabledRules);
  return { rules: rules.filter((rule) => !disabled.has(rule.id)), problems };
}
