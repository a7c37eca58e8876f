import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, YAMLMap, type Document, type Node as YamlNode, Pair, type ScalarTag, type CollectionTag } from 'yaml';
import type { Problem } from '../../../core/result.js';
import { Located, MAX_IAC_FILE_CHARS } from '../located-yaml.js';

/** YAML aliases resolved at most this many times per document (a "billion laughs" file stops here). */
const MAX_ALIAS_COUNT = 1_000;
/** Deeper nesting is not a template anyone writes; the rewrite stops there rather than exhaust the stack. */
const MAX_DEPTH = 256;

/** CloudFormation's short-form tags and the long-form key each one stands for. */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...['Sub', 'GetAtt', 'Join', 'If', 'Equals', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString'].map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** Each tag accepted on scalars, sequences and maps alike; the node is kept and rewritten below. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = [...SHORT_FORMS.keys()].flatMap((tag): (ScalarTag | CollectionTag)[] => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq', resolve: (value) => value },
  { tag, collection: 'map', resolve: (value) => value },
]);

/** `!Ref X` becomes `{ Ref: X }` (all on the tagged node's line), as CloudFormation itself reads it. */
function toLongForm(node: YamlNode): YamlNode {
  const key = node.tag === undefined ? undefined : SHORT_FORMS.get(node.tag);
  if (key === undefined) return node;
  const name = new Scalar(key);
  if (node.range) name.range = node.range;
  const wrapper = new YAMLMap<Scalar, YamlNode>();
  wrapper.items.push(new Pair<Scalar, YamlNode>(name, node));
  if (node.range) wrapper.range = node.range;
  // An alias names the tagged node by its anchor: the wrapper takes it over.
  if (node.anchor) {
    wrapper.anchor = node.anchor;
    delete node.anchor;
  }
  delete node.tag;
  return wrapper;
}

function rewrite(node: unknown, depth: number): void {
  if (depth > MAX_DEPTH || !isCollection(node)) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || pair.value === null || !isNodeLike(pair.value)) continue;
      pair.value = toLongForm(pair.value);
      rewrite(pair.value, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items = node.items.map((item) => (isNodeLike(item) ? toLongForm(item) : item));
    for (const item of node.items) rewrite(item, depth + 1);
  }
}

function isNodeLike(value: unknown): value is YamlNode {
  return isScalar(value) || isCollection(value);
}

/** A wrapped-node walk: a long-form wrapper's value is the original node, which may hold more tags. */
function rewriteRoot(doc: Document): YamlNode | null {
  const root = doc.contents as YamlNode | null;
  if (root === null || !isNodeLike(root)) return root;
  const top = toLongForm(root);
  rewrite(top, 0);
  doc.contents = top;
  return top;
}

function unreadable(file: string, message: string, line?: number): Problem {
  return { code: 'iac-unreadable', level: 'warn', file, ...(line !== undefined ? { line } : {}), message };
}

/**
 * The documents of a CloudFormation template (YAML or JSON), with short-form intrinsic tags
 * rewritten to their long form, each as a located root. Never throws.
 */
export function parseTemplateDocuments(text: string, file: string): { documents: Located[]; problems: Problem[] } {
  if (text.length > MAX_IAC_FILE_CHARS) {
    return { documents: [], problems: [{ code: 'iac-file-too-large', level: 'warn', file, message: `${file}: over ${MAX_IAC_FILE_CHARS / 1024 / 1024} MB; not checked` }] };
  }
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, customTags: CUSTOM_TAGS }) as Document.Parsed[];
  } catch (error) {
    return { documents: [], problems: [unreadable(file, `${file}: not valid YAML (${error instanceof Error ? error.message : String(error)})`)] };
  }
  const documents: Located[] = [];
  const problems: Problem[] = [];
  const mayHaveAliases = text.includes('*');
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? (error.pos?.[0] !== undefined ? lines.linePos(error.pos[0]).line : undefined);
      problems.push(unreadable(file, `${file}${line !== undefined ? `:${line}` : ''}: not valid YAML (${error.message.split('\n')[0]}); this document was skipped`, line));
      continue;
    }
    try {
      // Resolving aliases now makes a billion-laughs document fail here, with a clear message.
      if (mayHaveAliases) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (aliasError) {
      problems.push(unreadable(file, `${file}: ${aliasError instanceof Error ? aliasError.message : String(aliasError)}; this document was skipped`));
      continue;
    }
    const root = rewriteRoot(doc);
    const line = root?.range ? lines.linePos(root.range[0]).line : 1;
    documents.push(new Located(root, line, lines, doc));
  }
  return { documents, problems };
}
