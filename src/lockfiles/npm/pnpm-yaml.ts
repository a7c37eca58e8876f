import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { LockfileError } from '../types.js';

/** A pnpm lockfile as plain data, with the line of each key of its `packages` and `snapshots` maps. */
export interface PnpmDocument {
  readonly data: unknown;
  readonly keyLines: { readonly packages: ReadonlyMap<string, number>; readonly snapshots: ReadonlyMap<string, number> };
}

/** Anchors are not something pnpm writes; a few are tolerated, a "billion laughs" is not. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses pnpm-lock.yaml. pnpm 10 may put a second document after `---` (the first describes the
 * package manager's own dependencies); the project's lockfile is the last one.
 */
export function readPnpmDocument(text: string): PnpmDocument {
  if (!/\S/.test(text)) throw new LockfileError('the file is empty');
  const lineCounter = new LineCounter();
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  } catch (error) {
    throw new LockfileError(`not valid YAML: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  const documents = Array.isArray(parsed) ? parsed : [];
  const document = documents.at(-1);
  if (document === undefined) throw new LockfileError('the file holds no YAML document');
  for (const candidate of documents) {
    const [error] = candidate.errors;
    if (error === undefined) continue;
    const line = error.linePos?.[0].line;
    const reason = error.message.split('\n', 1)[0] ?? error.code;
    throw new LockfileError(`not valid YAML: ${reason}`, line);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Too many aliases, or nesting deep enough to exhaust the stack.
    throw new LockfileError(`cannot read the YAML: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  return { data, keyLines: { packages: keyLinesOf(document.contents, 'packages', lineOf), snapshots: keyLinesOf(document.contents, 'snapshots', lineOf) } };
}

function keyLinesOf(contents: unknown, section: string, lineOf: (offset: number) => number): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(contents)) return lines;
  const sectionMap = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === section)?.value;
  if (!isMap(sectionMap)) return lines;
  for (const pair of sectionMap.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    lines.set(String(pair.key.value), lineOf(pair.key.range[0]));
  }
  return lines;
}
