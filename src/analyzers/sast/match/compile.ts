import type { Problem, Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';
import type { Snippet } from '../ir/translate/snippet.js';
import type { Expr, Language, Stmt } from '../ir/types.js';
import type { Formula } from '../rules/types.js';
import { stmtEllipsis } from './match-stmt.js';
import { compileSafeRegex } from './safe-regex.js';


export type SnippetTranslator = (language: Language, code: string) => Result<Snippet, Problem>;

export interface SeqItem {
  readonly stmt: Stmt;
  /** A `...` came before this statement, so it may be anywhere later in the block. */
  readonly gap: boolean;
}

export type CompiledPattern =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'stmt'; readonly stmt: Stmt }
  | { readonly kind: 'seq'; readonly items: readonly SeqItem[]; readonly trailing: boolean };

export type CompiledFormula =
  | { readonly kind: 'pattern'; readonly pattern: CompiledPattern; readonly source: string }
  | { readonly kind: 'all' | 'any'; readonly items: readonly CompiledFormula[] }
  | { readonly kind: 'not' | 'inside' | 'not-inside'; readonly item: CompiledFormula }
  | { readonly kind: 'metavariable-regex'; readonly metavariable: string; readonly regex: RegExp }
  | { readonly kind: 'focus'; readonly metavariable: string };

function problem(message: string): Problem {
  return { code: 'sast-bad-pattern', message, level: 'error' };
}

/** Classifies a translated snippet: one expression, one statement, or a statement sequence. */
export function compileSnippet(snippet: Snippet, source: string): Result<CompiledPattern, Problem> {
  if (snippet.expr && snippet.expr.kind !== 'ellipsis') return ok({ kind: 'expr', expr: snippet.expr });
  const body = snippet.body;
  // Leading `...` adds nothing: a sequence may start anywhere in a block.
  let start = 0;
  while (start < body.length && stmtEllipsis(body[start] as Stmt) === '') start++;
  const items: SeqItem[] = [];
  let gap = false;
  let trailing = false;
  for (let i = start; i < body.length; i++) {
    const s = body[i] as Stmt;
    if (stmtEllipsis(s) !== undefined) {
      gap = true;
      trailing = true;
      continue;
    }
    items.push({ stmt: s, gap });
    gap = false;
    trailing = false;
  }
  const first = items[0];
  if (!first) return err(problem(`pattern has no code to match: ${JSON.stringify(source.slice(0, 80))}`));
  if (items.length === 1 && !trailing) {
    if (first.stmt.kind === 'expr' && first.stmt.expr.kind !== 'ellipsis') return ok({ kind: 'expr', expr: first.stmt.expr });
    return ok({ kind: 'stmt', stmt: first.stmt });
  }
  return ok({ kind: 'seq', items, trailing });
}

const POSITIVE = new Set(['pattern', 'all', 'any']);

/** Translates every pattern of a formula and checks its structure and regexes. */
export function compileFormula(formula: Formula, language: Language, translate: SnippetTranslator, depth = 0): Result<CompiledFormula, Problem> {
  if (depth > 32) return err(problem('pattern formula nested more than 32 levels'));
  switch (formula.kind) {
    case 'pattern': {
      const snippet = translate(language, formula.source);
      if (!snippet.ok) return snippet;
      const pattern = compileSnippet(snippet.value, formula.source);
      return pattern.ok ? ok({ kind: 'pattern', pattern: pattern.value, source: formula.source }) : pattern;
    }
    case 'all':
    case 'any': {
      const items: CompiledFormula[] = [];
      for (const item of formula.items) {
        // In a pattern-either, `pattern-inside: X` contributes the regions X matches, like `pattern: X`.
        const positive = formula.kind === 'any' && item.kind === 'inside' ? item.item : item;
        if (formula.kind === 'any' && !POSITIVE.has(positive.kind)) return err(problem(`pattern-either may only hold patterns, not ${item.kind}`));
        const c = compileFormula(positive, language, translate, depth + 1);
        if (!c.ok) return c;
        items.push(c.value);
      }
      if (formula.kind === 'all' && !items.some((i) => POSITIVE.has(i.kind) || i.kind === 'inside')) {
        return err(problem('patterns needs at least one pattern, pattern-either or pattern-inside'));
      }
      return ok({ kind: formula.kind, items });
    }
    case 'not':
    case 'inside':
    case 'not-inside': {
      const c = compileFormula(formula.item, language, translate, depth + 1);
      return c.ok ? ok({ kind: formula.kind, item: c.value }) : c;
    }
    case 'metavariable-regex': {
      const re = compileSafeRegex(formula.regex);
      return re.ok ? ok({ kind: 'metavariable-regex', metavariable: formula.metavariable, regex: re.value }) : re;
    }
    case 'focus':
      return ok({ kind: 'focus', metavariable: formula.metavariable });
  }
}
