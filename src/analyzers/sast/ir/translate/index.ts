import type { Problem } from '../../../../core/result.js';
import { DEFAULT_PARSE_BUDGET, looksMinified, type ParseBudget } from '../../parse/budget.js';
import { lightRoot, parserFor, type SyntaxTree } from '../../parse/parser.js';
import type { Language, Module } from '../types.js';
import { countErrors, Translator, type LanguageHandlers } from './common.js';
import { HANDLERS } from './handlers.js';

export interface TranslateResult {
  /** Absent when the file was skipped (too large, minified, parse timeout). */
  readonly module?: Module;
  readonly problems: readonly Problem[];
}

export function handlersFor(language: Language): LanguageHandlers {
  return HANDLERS[language];
}

/** Parse one file with tree-sitter, within the budget; the tree is freed before returning. */
export function parseWithBudget(language: Language, text: string, budget: ParseBudget): SyntaxTree | undefined {
  const parser = parserFor(language);
  parser.setTimeoutMicros(budget.timeoutMicros);
  try {
    return parser.parse(text) ?? undefined;
  } catch {
    // web-tree-sitter throws when the timeout cuts a parse short; the parser must be reset after it.
    parser.reset();
    return undefined;
  }
}

/**
 * A source file to IR. Files over the budget are skipped with an `info` notice; syntax errors
 * leave the rest of the file translated and are reported as a notice too.
 */
export function translateSource(language: Language, path: string, text: string, budget: ParseBudget = DEFAULT_PARSE_BUDGET): TranslateResult {
  const info = (code: string, message: string): Problem => ({ code, message: `${path}: ${message}`, file: path, level: 'info' });
  if (text.length > budget.maxBytes) return { problems: [info('sast-file-too-large', `larger than ${budget.maxBytes} bytes; not analyzed`)] };
  if (looksMinified(text, budget)) return { problems: [info('sast-minified-file', 'looks minified or generated (very long lines); not analyzed')] };
  const tree = parseWithBudget(language, text, budget);
  if (!tree) return { problems: [info('sast-parse-timeout', `parsing took longer than ${Math.round(budget.timeoutMicros / 1000)} ms; not analyzed`)] };
  try {
    const root = lightRoot(tree, text);
    const translator = new Translator(language, HANDLERS[language], budget.maxDepth, false, path);
    const body = translator.stmts([root]);
    const errorCount = countErrors(root);
    const problems = [...translator.problems];
    if (errorCount > 0) {
      const first = root.descendantsOfType('ERROR')[0];
      problems.push({
        code: 'sast-syntax-error',
        message: `${path}: ${errorCount} syntax error(s)${first ? `, the first at line ${first.startPosition.row + 1}` : ''}; the rest of the file is analyzed`,
        file: path,
        ...(first ? { line: first.startPosition.row + 1 } : {}),
        level: 'info',
      });
    }
    return { module: { language, path, body, errorCount }, problems };
  } finally {
    tree.delete();
  }
}
