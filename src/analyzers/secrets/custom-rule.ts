import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { defineSecretRule, type SecretRule } from './rule.js';

/** A rule written by a user in `.bulwark.yml` (`secrets.rules`). Plain data so it can cross to workers. */
export interface CustomSecretRuleSpec {
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly pattern: string;
  readonly keywords: readonly string[];
  readonly minEntropy?: number;
  readonly maxLength?: number;
}

export function compileCustomRule(spec: CustomSecretRuleSpec): Result<SecretRule, string> {
  let pattern: RegExp;
  try {
    pattern = new RegExp(spec.pattern);
  } catch (error) {
    return err(`custom secret rule ${spec.id}: invalid pattern: ${(error as Error).message}`);
  }
  if (spec.keywords.length === 0 || spec.keywords.some((k) => k.length === 0)) {
    return err(`custom secret rule ${spec.id}: needs at least one non-empty keyword`);
  }
  return ok(
    defineSecretRule({
      id: spec.id,
      title: spec.title ?? spec.id,
      description: spec.description ?? `Matches the custom secret rule ${spec.id} of the project configuration.`,
      keywords: spec.keywords,
      pattern,
      maxLength: spec.maxLength ?? 512,
      ...(spec.minEntropy === undefined ? {} : { minEntropy: spec.minEntropy }),
      tags: ['secret', 'custom'],
    }),
  );
}
