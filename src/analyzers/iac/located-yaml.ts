import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../../core/result.js';

/** YAML aliases resolved at most this many times per document (a "billion laughs" file stops here). */
const MAX_ALIAS_COUNT = 1_000;
/** Larger documents are not infrastructure code anyone writes; they are skipped with a notice. */
export const MAX_IAC_FILE_CHARS = 20 * 1024 * 1024;

/**
 * A YAML (or JSON) value that knows its line, so a rule can point at the attribute it objects to.
 * A map value's line is its key's line: that is where people look for `privileged: true`.
 */
export class Located {
  constructor(
    private readonly node: YamlNode | null,
    readonly line: number,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  private resolved(): YamlNode | null {
    let node = this.node;
    for (let hops = 0; node && isAlias(node) && hops < 16; hops++) node = (node.resolve(this.doc) as YamlNode | undefined) ?? null;
    return node;
  }

  private lineOf(node: { range?: [number, number, number] | null } | null | undefined, fallback: number): number {
    const start = node?.range?.[0];
    return start === undefined ? fallback : this.lines.linePos(start).line;
  }

  /** The child under a key (maps) or an index (sequences). */
  get(key: string | number): Located | undefined {
    const node = this.resolved();
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? pair.key.value : pair.key;
        if (String(name) === String(key)) {
          const line = this.lineOf(pair.key as YamlNode | null, this.line);
          return new Located((pair.value as YamlNode | null) ?? null, line, this.lines, this.doc);
        }
      }
      return undefined;
    }
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      return item === undefined ? undefined : new Located(item, this.lineOf(item, this.line), this.lines, this.doc);
    }
    return undefined;
  }

  /** The value at a path of keys and indexes, or undefined where any step is missing. */
  at(...path: (string | number)[]): Located | undefined {
    return path.reduce<Located | undefined>((here, step) => here?.get(step), this);
  }

  has(key: string | number): boolean {
    return this.get(key) !== undefined;
  }

  /** A map's entries in file order. */
  entries(): [string, Located][] {
    const node = this.resolved();
    if (!isMap(node)) return [];
    return node.items.filter(isPair).map((pair) => {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      return [name, new Located((pair.value as YamlNode | null) ?? null, this.lineOf(pair.key as YamlNode | null, this.line), this.lines, this.doc)];
    });
  }

  /** A sequence's items (an empty list for anything else). */
  items(): Located[] {
    const node = this.resolved();
    if (!isSeq(node)) return [];
    return node.items.map((item) => new Located(item as YamlNode, this.lineOf(item as YamlNode, this.line), this.lines, this.doc));
  }

  isMap(): boolean {
    return isMap(this.resolved());
  }

  isSeq(): boolean {
    return isSeq(this.resolved());
  }

  /** A scalar's value (string, number, boolean, null), or undefined for maps and sequences. */
  scalar(): unknown {
    const node = this.resolved();
    return isScalar(node) ? node.value : undefined;
  }

  /** The scalar as text (numbers and booleans too), or undefined. */
  str(): string | undefined {
    const value = this.scalar();
    return value === undefined || value === null ? undefined : String(value);
  }

  /** True only for a YAML `true` (or the string "true", which some tools accept). */
  isTrue(): boolean {
    const value = this.scalar();
    return value === true || value === 'true';
  }

  /** The plain JavaScript value (maps → objects, sequences → arrays). */
  toJS(): unknown {
    const node = this.resolved();
    if (node === null) return null;
    return (node as { toJS?: (doc: Document) => unknown }).toJS?.(this.doc) ?? null;
  }
}

/** Every document of a YAML stream (a JSON file is one document), each as a located root. */
export function parseYamlDocuments(text: string, file: string): { documents: Located[]; problems: Problem[] } {
  if (text.length > MAX_IAC_FILE_CHARS) {
    return { documents: [], problems: [{ code: 'iac-file-too-large', level: 'warn', file, message: `${file}: over ${MAX_IAC_FILE_CHARS / 1024 / 1024} MB; not checked` }] };
  }
  const lines = new LineCounter();
  const problems: Problem[] = [];
  const documents: Located[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
  } catch (error) {
    return { documents, problems: [{ code: 'iac-unreadable', level: 'warn', file, message: `${file}: not valid YAML (${error instanceof Error ? error.message : String(error)})` }] };
  }
  const mayHaveAliases = text.includes('*');
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? (error.pos?.[0] !== undefined ? lines.linePos(error.pos[0]).line : undefined);
      problems.push({ code: 'iac-unreadable', level: 'warn', file, ...(line !== undefined ? { line } : {}), message: `${file}${line !== undefined ? `:${line}` : ''}: not valid YAML (${error.message.split('\n')[0]}); this document was skipped` });
      continue;
    }
    try {
      // Resolving aliases here makes a billion-laughs document fail now, with a clear message.
      // A file without `*` has no alias to resolve, and the check would cost a second pass.
      if (mayHaveAliases) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (aliasError) {
      problems.push({ code: 'iac-unreadable', level: 'warn', file, message: `${file}: ${aliasError instanceof Error ? aliasError.message : String(aliasError)}; this document was skipped` });
      continue;
    }
    const root = doc.contents as YamlNode | null;
    const line = root?.range ? lines.linePos(root.range[0]).line : 1;
    documents.push(new Located(root, line, lines, doc));
  }
  return { documents, problems };
}
