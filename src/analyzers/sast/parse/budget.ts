/** Per-file limits: a file past one is skipped (or cut short) with a notice, never a crash or a hang. */
export interface ParseBudget {
  /** Files larger than this many bytes are not parsed. */
  readonly maxBytes: number;
  /** Parse time limit per file, in microseconds (tree-sitter gives up after it). */
  readonly timeoutMicros: number;
  /** Syntax nesting below this depth becomes opaque `other` nodes in the IR. */
  readonly maxDepth: number;
  /** A file with a line longer than this, and more than `minifiedMinBytes`, is taken as minified. */
  readonly minifiedLineLength: number;
  readonly minifiedMinBytes: number;
}

export const DEFAULT_PARSE_BUDGET: ParseBudget = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMicros: 10_000_000,
  maxDepth: 400,
  minifiedLineLength: 2_000,
  minifiedMinBytes: 4_096,
};

/**
 * Minified or generated bundles: one very long line, or a high average line length. Their
 * findings would point at one line of machine-written code, and parsing them is most of the cost.
 */
export function looksMinified(text: string, budget: ParseBudget): boolean {
  if (text.length < budget.minifiedMinBytes) return false;
  let lines = 1;
  let start = 0;
  let longest = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    longest = Math.max(longest, at - start);
    start = at + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > budget.minifiedLineLength * 5 || (longest > budget.minifiedLineLength && text.length / lines > 300);
}
