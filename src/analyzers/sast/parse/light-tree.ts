import type TreeSitter from 'web-tree-sitter';

/**
 * A tree-sitter tree copied into plain JavaScript objects in one cursor walk, with the part of
 * the node API the translators use. Each property of a web-tree-sitter node is a call into
 * WebAssembly that marshals the node and allocates wrappers (`namedChildren` a new wrapper per
 * child, `type` a call every time): translating CPython that way cost about as much as parsing
 * it. The walk makes five calls per node, and everything after it is plain property reads.
 *
 * Semantics follow web-tree-sitter 0.22: indices and columns in UTF-16 code units, rows counted
 * at `\n`; a child's field is the cursor's (`currentFieldId`), so `childForFieldName` is the first
 * child in that field, as `ts_node_child_by_field_id` answers.
 */
export interface Point {
  readonly row: number;
  readonly column: number;
}

/** The exported WebAssembly functions the walk calls directly (captured at runtime start). */
export interface CursorCalls {
  readonly transferBuffer: number;
  heap(): Int32Array;
  readonly firstChild: (tree: number) => number;
  readonly nextSibling: (tree: number) => number;
  readonly parent: (tree: number) => number;
  readonly typeId: (tree: number) => number;
  readonly fieldId: (tree: number) => number;
  readonly startIndex: (tree: number) => number;
  readonly endIndex: (tree: number) => number;
  readonly isNamed: (tree: number) => number;
}

/** What one file's nodes share: the source, its line starts and the language's tables. */
class TreeData {
  private lineStarts: number[] | undefined;
  private lastLine = 0;

  constructor(readonly source: string) {}

  /** Row and column of a code-unit index; rows start after each `\n`, as tree-sitter counts them. */
  point(index: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.source));
    // Most lookups are near the previous one (spans are read in source order).
    let line = this.lastLine;
    if (!(starts[line]! <= index && (line + 1 >= starts.length || index < starts[line + 1]!))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= index) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
      this.lastLine = line;
    }
    return { row: line, column: index - starts[line]! };
  }
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

const NO_NODES: readonly LightNode[] = Object.freeze([]);

export class LightNode {
  children: readonly LightNode[] = NO_NODES;
  private named: readonly LightNode[] | undefined;
  private errorBelow: boolean | undefined;

  constructor(
    private readonly data: TreeData,
    /** Unique within the tree (preorder number). */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent, or null. */
    readonly field: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

  get text(): string {
    return this.data.source.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.data.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.data.point(this.endIndex);
  }

  get namedChildren(): readonly LightNode[] {
    if (this.named) return this.named;
    let all = true;
    for (const child of this.children) if (!child.isNamed) all = false;
    this.named = all ? this.children : this.children.filter((child) => child.isNamed);
    return this.named;
  }

  childForFieldName(name: string): LightNode | null {
    for (const child of this.children) if (child.field === name) return child;
    return null;
  }

  childrenForFieldName(name: string): LightNode[] {
    return this.children.filter((child) => child.field === name);
  }

  /**
   * Nodes of the given types in preorder, this one included. As in web-tree-sitter, a node that
   * ends at the very start of the file (zero width at 0) is left out with what it holds.
   */
  descendantsOfType(types: string | readonly string[]): LightNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const out: LightNode[] = [];
    const stack: LightNode[] = [this];
    while (stack.length > 0) {
      const node = stack.pop() as LightNode;
      if (node.endIndex === 0) continue;
      if (wanted.includes(node.type)) out.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as LightNode);
    }
    return out;
  }

  /** An ERROR node at or below this one (the root's value comes from tree-sitter, missing nodes included). */
  get hasError(): boolean {
    this.errorBelow ??= this.type === 'ERROR' || this.children.some((child) => child.hasError);
    return this.errorBelow;
  }

  set hasError(value: boolean) {
    this.errorBelow = value;
  }
}

interface WalkOps {
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  typeId(): number;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
  isNamed(): boolean;
  done(): void;
}

function directOps(calls: CursorCalls, tree: TreeSitter.Tree): WalkOps {
  const cursor = tree.rootNode.walk();
  // web-tree-sitter keeps the cursor in its transfer buffer and the tree pointer in slot 0; the
  // cursor calls below leave the buffer holding the current cursor, so no marshalling is needed.
  const pointer = (tree as unknown as Record<number, number>)[0] as number;
  return {
    firstChild: () => calls.firstChild(pointer) === 1,
    nextSibling: () => calls.nextSibling(pointer) === 1,
    parent: () => calls.parent(pointer) === 1,
    typeId: () => calls.typeId(pointer),
    fieldId: () => calls.fieldId(pointer),
    startIndex: () => calls.startIndex(pointer),
    endIndex: () => calls.endIndex(pointer),
    isNamed: () => calls.isNamed(pointer) === 1,
    done: () => {
      // The walk may have grown the cursor's stack: hand the current state back before freeing it.
      const heap = calls.heap();
      const slots = cursor as unknown as Record<number, number>;
      for (let i = 0; i < 4; i++) slots[i] = heap[(calls.transferBuffer >> 2) + i] as number;
      cursor.delete();
    },
  };
}

function publicOps(tree: TreeSitter.Tree): WalkOps {
  const cursor = tree.walk();
  return {
    firstChild: () => cursor.gotoFirstChild(),
    nextSibling: () => cursor.gotoNextSibling(),
    parent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    fieldId: () => cursor.currentFieldId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    isNamed: () => cursor.nodeIsNamed,
    done: () => cursor.delete(),
  };
}

/** Named-ness is a property of the (public) symbol: asked once per type id and language. */
const NAMED_BY_LANGUAGE = new WeakMap<TreeSitter.Language, (boolean | undefined)[]>();

/** Copies `tree` (parsed from `source`) into light nodes; `calls` are the direct cursor calls when available. */
export function lightTree(tree: TreeSitter.Tree, source: string, calls: CursorCalls | undefined): LightNode {
  const language = tree.getLanguage();
  // The name tables web-tree-sitter reads `type` and field names from (not in its typings).
  const { types, fields } = language as unknown as { types: readonly (string | undefined)[]; fields: readonly (string | null)[] };
  let named = NAMED_BY_LANGUAGE.get(language);
  if (!named) {
    named = [];
    NAMED_BY_LANGUAGE.set(language, named);
  }
  const data = new TreeData(source);
  // Before the walk: the cursor lives in the transfer buffer that any other node call overwrites.
  const hasError = tree.rootNode.hasError;
  const ops = calls ? directOps(calls, tree) : publicOps(tree);
  let id = 0;
  const make = (field: string | null): LightNode => {
    const typeId = ops.typeId();
    let isNamed = named[typeId];
    if (isNamed === undefined) {
      isNamed = ops.isNamed();
      named[typeId] = isNamed;
    }
    return new LightNode(data, id++, types[typeId] || 'ERROR', isNamed, field, ops.startIndex(), ops.endIndex());
  };
  try {
    const root = make(null);
    root.hasError = hasError;
    // Children are collected per open node; a node's list is set when the walk leaves it.
    const open: LightNode[] = [root];
    const lists: LightNode[][] = [[]];
    if (!ops.firstChild()) return root;
    for (;;) {
      const node = make(fields[ops.fieldId()] ?? null);
      (lists[lists.length - 1] as LightNode[]).push(node);
      if (ops.firstChild()) {
        open.push(node);
        lists.push([]);
        continue;
      }
      while (!ops.nextSibling()) {
        const closed = open.pop() as LightNode;
        const list = lists.pop() as LightNode[];
        if (list.length > 0) closed.children = list;
        if (open.length === 0 || !ops.parent()) {
          // Back at the root (or the cursor cannot climb): the walk is complete.
          for (let i = open.length - 1; i >= 0; i--) {
            const rest = lists.pop() as LightNode[];
            if (rest.length > 0) (open[i] as LightNode).children = rest;
          }
          return root;
        }
      }
    }
  } finally {
    ops.done();
  }
}
