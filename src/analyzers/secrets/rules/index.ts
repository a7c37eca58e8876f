import type { SecretRule } from '../rule.js';
import { githubRules } from './github.js';

/** Every provider family, listed explicitly (no side-effect registration). */
export const SECRET_RULE_FAMILIES: Readonly<Record<string, readonly SecretRule[]>> = {
  github: githubRules,
};

export const SECRET_RULES: readonly SecretRule[] = Object.values(SECRET_RULE_FAMILIES).flat();
