/** One logical line of a pip requirements file, with the physical line it starts on. */
export interface LogicalLine {
  readonly text: string;
  readonly line: number;
}

export type RequirementLine =
  | { readonly kind: 'requirement'; readonly name: string; readonly version: string; readonly pinned: boolean }
  | { readonly kind: 'include'; readonly target: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Join `\` continuations the way pip does: a comment line ends a continuation, and the logical line
 * carries the number of its first physical line.
 */
export function joinContinuations(text: string): LogicalLine[] {
  const physical = text.split(/\r?\n/);
  const logical: LogicalLine[] = [];
  let pending: string[] = [];
  let pendingStart = 0;
  physical.forEach((raw, index) => {
    const isComment = /^\s*#/.test(raw);
    if (raw.endsWith('\\') && !isComment) {
      if (pending.length === 0) pendingStart = index + 1;
      pending.push(raw.slice(0, -1));
      return;
    }
    if (pending.length > 0) {
      logical.push({ text: [...pending, isComment ? '' : raw].join(' '), line: pendingStart });
      pending = [];
    } else {
      logical.push({ text: raw, line: index + 1 });
    }
  });
  if (pending.length > 0) logical.push({ text: pending.join(' '), line: pendingStart });
  return logical;
}

/** Cut a `#` comment: pip only treats `#` at the start or after whitespace as one (URLs keep `#egg=`). */
export function stripComment(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return text.slice(0, i).trim();
  }
  return text.trim();
}

const INCLUDE_OPTION = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)$/;
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const EXTRAS = /^\[[^\]]*\]/;
const CLAUSE = /^(===|==|!=|~=|<=|>=|<|>)\s*([A-Za-z0-9*][A-Za-z0-9.*+!_-]*)$/;

/** Classify one comment-free logical line. */
export function readRequirementLine(text: string): RequirementLine {
  if (text === '') return { kind: 'skip' };
  if (text.startsWith('-')) return readOption(text);
  // Per-requirement options (`--hash=…`, `--config-settings`) follow the requirement after whitespace.
  const optionStart = text.search(/\s--[A-Za-z]/);
  const requirement = (optionStart < 0 ? text : text.slice(0, optionStart)).trim();
  if (isUrlOrPath(requirement)) return { kind: 'skip' };
  return readSpecifiedRequirement(requirement);
}

function readOption(text: string): RequirementLine {
  const include = INCLUDE_OPTION.exec(text);
  if (include?.[1] !== undefined) {
    const target = include[1];
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? { kind: 'skip' } : { kind: 'include', target };
  }
  // -c/--constraint only narrows versions, -e/--editable is local code; index and build options say
  // nothing about which packages are installed.
  return { kind: 'skip' };
}

function isUrlOrPath(requirement: string): boolean {
  const firstToken = requirement.split(/[\s;]/, 1)[0] ?? '';
  // A scheme (`https:`, `git+ssh:`, `file:`) or a drive letter: not a name from the index.
  if (/^[a-z][a-z0-9+.-]*:/i.test(firstToken)) return true;
  if (/^[.~/\\]/.test(firstToken) || firstToken.includes('/') || firstToken.includes('\\')) return true;
  if (/\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/i.test(firstToken)) return true;
  // `name @ https://…` is a PEP 508 direct reference: a URL, not a registry version.
  return /^[A-Za-z0-9._-]+\s*(?:\[[^\]]*\]\s*)?@/.test(requirement);
}

function readSpecifiedRequirement(requirement: string): RequirementLine {
  const withoutMarker = (requirement.split(';', 1)[0] ?? '').trim();
  const name = NAME.exec(withoutMarker)?.[1];
  if (name === undefined) return { kind: 'invalid', reason: 'no package name' };
  let rest = withoutMarker.slice(name.length).trimStart();
  const extras = EXTRAS.exec(rest);
  if (extras !== null) rest = rest.slice(extras[0].length).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest === '') return { kind: 'requirement', name, version: '', pinned: false };
  const clauses = rest.split(',').map((clause) => CLAUSE.exec(clause.trim()));
  const parsed: { op: string; version: string }[] = [];
  for (const clause of clauses) {
    if (clause?.[1] === undefined || clause[2] === undefined) return { kind: 'invalid', reason: 'unreadable version specifier' };
    parsed.push({ op: clause[1], version: clause[2] });
  }
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (only !== undefined && (only.op === '==' || only.op === '===') && !only.version.includes('*')) {
    return { kind: 'requirement', name, version: only.version, pinned: true };
  }
  return { kind: 'requirement', name, version: parsed.map((c) => `${c.op}${c.version}`).join(','), pinned: false };
}
