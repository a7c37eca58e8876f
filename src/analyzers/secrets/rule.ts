import type { RuleMeta } from '../../core/rule.js';

/**
 * A secret-detection rule. `pattern` is searched only near occurrences of one of `keywords`
 * (case-insensitive, ASCII): a keyword must appear within `maxLength` characters of every true match,
 * normally inside it. The secret is the named group `secret`, else the whole match.
 */
export interface SecretRule {
  readonly meta: RuleMeta;
  /** Literal strings; at least one. The prefilter runs the pattern only where one occurs. */
  readonly keywords: readonly string[];
  /** Match keywords exactly as written (for short ones like `SK` that are common words in lower case). */
  readonly caseSensitiveKeywords?: boolean;
  /** No `g`/`y` flags: the engine adds its own. Must not backtrack catastrophically. */
  readonly pattern: RegExp;
  /** Upper bound on the length of a match, keyword context included (chunk overlap, search window). */
  readonly maxLength: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly minEntropy?: number;
  /** Extra acceptance test on the secret (checksum, structure). */
  readonly accept?: (secret: string) => boolean;
  /** Secrets that are known placeholders or examples for this rule. */
  readonly allowValues?: readonly RegExp[];
  /** Generic rules lose to provider rules that match an overlapping span. */
  readonly isGeneric?: boolean;
}

export interface SecretRuleInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly caseSensitiveKeywords?: boolean;
  readonly pattern: RegExp;
  readonly maxLength?: number;
  readonly minEntropy?: number;
  readonly accept?: (secret: string) => boolean;
  readonly allowValues?: readonly RegExp[];
  readonly references?: readonly string[];
  readonly cwe?: readonly number[];
  readonly confidence?: 'high' | 'medium' | 'low';
  readonly tags?: readonly string[];
  readonly isGeneric?: boolean;
}

/** Fill the defaults every secret rule shares: critical severity (as GitLab), CWE-798, OWASP A07:2021. */
export function defineSecretRule(input: SecretRuleInput): SecretRule {
  return {
    meta: {
      id: input.id,
      title: input.title,
      description: input.description,
      severity: 'critical',
      confidence: input.confidence ?? 'high',
      cwe: input.cwe ?? [798],
      owasp: ['A07:2021'],
      references: input.references ?? [],
      tags: input.tags ?? ['secret'],
    },
    keywords: input.caseSensitiveKeywords === true ? input.keywords : input.keywords.map((k) => k.toLowerCase()),
    ...(input.caseSensitiveKeywords === true ? { caseSensitiveKeywords: true } : {}),
    pattern: input.pattern,
    maxLength: input.maxLength ?? 256,
    ...(input.minEntropy === undefined ? {} : { minEntropy: input.minEntropy }),
    ...(input.accept === undefined ? {} : { accept: input.accept }),
    ...(input.allowValues === undefined ? {} : { allowValues: input.allowValues }),
    ...(input.isGeneric === undefined ? {} : { isGeneric: input.isGeneric }),
  };
}
