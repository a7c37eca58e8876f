/**
 * The keyword DFA's construction, for keyword-automaton.ts. A keyword is a sequence of byte sets:
 * a plain keyword folds ASCII case (`key` is `[Kk][Ee][Yy]`), an anchor (keyword-anchors.ts) has
 * exact bytes and classes such as `[0-9a-f]`. The DFA is built by subset construction over keyword
 * positions (a state is the set of keyword prefixes that end at the current byte), in
 * Aho–Corasick's shape: each state's row is its failure state's with a few classes written over.
 */

/** The bytes one keyword position accepts: a 256-entry table, 1 = accepted. */
export type ByteSet = Uint8Array;

/** A rule's keywords. Case-sensitive ones with an upper-case letter are matched exactly, the rest folded. */
export interface RuleKeywords {
  readonly keywords: readonly string[];
  readonly caseSensitive?: boolean;
  /** When set, searched instead of `keywords`: byte sets position by position (keyword-anchors.ts). */
  readonly anchors?: readonly (readonly ByteSet[])[];
}

function byteSet(bytes: readonly number[]): ByteSet {
  const set = new Uint8Array(256);
  for (const byte of bytes) set[byte] = 1;
  return set;
}

// One set object per byte and kind, so equal positions share an id without comparing tables,
// with its bytes listed (the construction works from the lists).
const EXACT_SETS: readonly ByteSet[] = Array.from({ length: 256 }, (_, byte) => byteSet([byte]));
const FOLDED_SETS: readonly ByteSet[] = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x61 && byte <= 0x7a ? byteSet([byte, byte - 0x20]) : (EXACT_SETS[byte] as ByteSet),
);
const LISTED = new WeakMap<ByteSet, number[]>();
EXACT_SETS.forEach((set, byte) => LISTED.set(set, [byte]));
FOLDED_SETS.forEach((set, byte) => LISTED.set(set, byte >= 0x61 && byte <= 0x7a ? [byte - 0x20, byte] : [byte]));

/** The bytes of a set, in order. */
function members(set: ByteSet): number[] {
  const listed = LISTED.get(set);
  if (listed !== undefined) return listed;
  const list: number[] = [];
  for (let byte = 0; byte < 256; byte++) if (set[byte] === 1) list.push(byte);
  return list;
}

/** A keyword folded to the table's byte sets (ASCII letters either case). Keywords are latin1 text. */
function foldedSets(keyword: string): ByteSet[] {
  const text = keyword.toLowerCase();
  const sets: ByteSet[] = [];
  for (let i = 0; i < text.length; i++) sets.push(FOLDED_SETS[text.charCodeAt(i) & 0xff] as ByteSet);
  return sets;
}

/**
 * The exact bytes a case-sensitive keyword must have, checked on each hit of its folded form; null
 * when it needs none. An all-lower-case keyword of a case-sensitive rule is folded like any other
 * (`twilio` in a rule that also lists `Twilio` and `TWILIO`). Exact keywords stay out of the table:
 * each would add some 200 states (every state reached through its first letter in that case
 * differs from the one reached through the other case), while their folded forms are rare or
 * cheap to check; the common short ones (`AC`, `EAA`) have exact anchors instead.
 */
function exactBytes(keyword: string, caseSensitive: boolean): Uint8Array | null {
  return caseSensitive && keyword !== keyword.toLowerCase() ? Uint8Array.from(keyword, (char) => char.charCodeAt(0) & 0xff) : null;
}

/**
 * A keyword as the table matches it: the rule, and the byte sets still to check after the
 * table's part (an anchor's tail past its first wide class; null for most).
 */
export interface KeywordEntry {
  readonly rule: number;
  /** The bytes that must end at the hit, for a case-sensitive keyword; null for most. */
  readonly exact: Uint8Array | null;
  readonly tail: readonly ByteSet[] | null;
}

/**
 * Keyword positions, flattened: position p stands for "the first k sets of keyword w matched".
 * Plain arrays of small integers throughout: this runs once per thread, cold, and typed arrays
 * and strings built per state cost more there (in allocation and collection) than the work.
 */
export interface Positions {
  /** The keyword entry a position completes, or -1 (positions with `advance` -1 complete one). */
  readonly entry: readonly number[];
  readonly entries: readonly KeywordEntry[];
  /** Id of the set that extends position p by one byte, or -1 when p completes its keyword. */
  readonly advance: readonly number[];
  /** Each keyword's first position, and the id of its first set. */
  readonly firsts: readonly number[];
  readonly firstSets: readonly number[];
  /** Distinct byte sets, by id, as lists of their bytes. */
  readonly sets: readonly (readonly number[])[];
  /** Longest part of a keyword the table matches, in bytes. */
  readonly longest: number;
}

/**
 * A class of more bytes than this ends the table's part of a keyword; the rest is checked on each
 * hit. Past a class like [A-Za-z0-9] the table would need a state for nearly every pairing of its
 * position with the other keywords' prefixes (`EAA[A-Za-z0-9]{5}` alone adds 3,600 states to
 * 3,200), while its few thousand hits cost little to check.
 */
const WIDE_SET = 16;

export function flatten(keywordsByRule: readonly RuleKeywords[]): Positions {
  const entry: number[] = [];
  const entries: KeywordEntry[] = [];
  const advance: number[] = [];
  const firsts: number[] = [];
  const firstSets: number[] = [];
  // By identity: plain keywords share the per-byte sets; an anchor's equal sets may count twice,
  // which only costs a little time here.
  const setIds = new Map<ByteSet, number>();
  const sets: number[][] = [];
  const idOf = (set: ByteSet): number => {
    let id = setIds.get(set);
    if (id === undefined) {
      id = sets.length;
      setIds.set(set, id);
      sets.push(members(set));
    }
    return id;
  };
  let longest = 0;
  keywordsByRule.forEach((keywords, rule) => {
    const sequences = keywords.anchors ?? keywords.keywords.map(foldedSets);
    sequences.forEach((sequence, k) => {
      if (sequence.length === 0) return;
      const ids = sequence.map(idOf);
      const wide = ids.findIndex((id) => (sets[id] as number[]).length > WIDE_SET);
      const length = wide < 0 ? ids.length : wide + 1;
      longest = Math.max(longest, length);
      firsts.push(entry.length);
      firstSets.push(ids[0] as number);
      for (let at = 0; at < length; at++) {
        entry.push(at + 1 < length ? -1 : entries.length);
        advance.push(at + 1 < length ? (ids[at + 1] as number) : -1);
      }
      const exact = keywords.anchors === undefined ? exactBytes(keywords.keywords[k] as string, keywords.caseSensitive === true) : null;
      entries.push({ rule, exact, tail: length < sequence.length ? sequence.slice(length) : null });
    });
  });
  return { entry, entries, advance, firsts, firstSets, sets, longest };
}

/**
 * Bytes that every set treats alike share a class: the construction works per class, not per
 * byte. Partition refinement: each set splits the classes it cuts.
 */
function byteClasses(sets: readonly (readonly number[])[]): { classOf: Uint8Array; count: number; classesOf: number[][] } {
  // Ids are not reused while splitting, so they may pass 255 before the dense renumbering below.
  const classIds = new Int32Array(256);
  let count = 1;
  const split: number[] = [-1];
  for (const set of sets) {
    split.fill(-1);
    for (const byte of set) {
      const cls = classIds[byte] as number;
      if ((split[cls] as number) < 0) {
        split[cls] = count++;
        split.push(-1);
      }
      classIds[byte] = split[cls] as number;
    }
  }
  // Renumber the classes left non-empty, densely, in byte order.
  const classOf = new Uint8Array(256);
  const dense = new Int32Array(count).fill(-1);
  let used = 0;
  for (let byte = 0; byte < 256; byte++) {
    const cls = classIds[byte] as number;
    if ((dense[cls] as number) < 0) dense[cls] = used++;
    classOf[byte] = dense[cls] as number;
  }
  const classesOf = sets.map((set) => [...new Set(set.map((byte) => classOf[byte] as number))].sort((x, y) => x - y));
  return { classOf, count: used, classesOf };
}

export interface Dfa {
  readonly classOf: Uint8Array;
  /** The bytes of each class. */
  readonly classBytes: readonly number[][];
  /**
   * Rows by reference, as Aho–Corasick's: state s has the row of its failure state `fail[s]` (a
   * smaller id; -1 for state 0, whose row is `firstRow` per class), except for the classes listed
   * from `overridesFrom[s]` to `overridesFrom[s + 1]` in `overrideClass`, which go to `overrideTarget`.
   */
  readonly fail: readonly number[];
  readonly firstRow: readonly number[];
  readonly overridesFrom: readonly number[];
  readonly overrideClass: readonly number[];
  readonly overrideTarget: readonly number[];
  /** Keyword entries that end on entering each state (sorted), or undefined (most states). */
  readonly outputs: readonly (readonly number[] | undefined)[];
}

/**
 * Subset construction, breadth-first from the empty set (nothing matched), in Aho–Corasick's
 * shape. A state is the set of keyword prefixes that end at the current byte; its deepest ones
 * (the longest, all of one length) are its own, and the rest is its failure state, the state of
 * its shorter suffixes, built earlier. Its successor on a class is the failure state's successor,
 * plus the extensions of its own prefixes if the class extends any: a new state keyed by that
 * successor and those positions. So a state costs a row copy and a lookup per class its own
 * prefixes go on with, about one; this runs once per thread, cold, and must do little per state.
 */
export function buildDfa(positions: Positions): Dfa {
  const { entry, advance, firsts, firstSets, sets } = positions;
  const { classOf, count: classCount, classesOf } = byteClasses(sets);
  const classBytes: number[][] = Array.from({ length: classCount }, () => []);
  for (let byte = 0; byte < 256; byte++) (classBytes[classOf[byte] as number] as number[]).push(byte);
  // Keyword starts per class: a keyword's first set accepting the class.
  const starts: number[][] = Array.from({ length: classCount }, () => []);
  firsts.forEach((first, w) => {
    for (const cls of classesOf[firstSets[w] as number] as number[]) (starts[cls] as number[]).push(first);
  });

  const fail: number[] = [-1];
  const own: number[][] = [[]];
  // Keys: (failure, own positions); one position, the common case, keys by number.
  const stride = advance.length + 1;
  const single = new Map<number, number>();
  const several = new Map<string, number>();
  const stateOf = (failure: number, positions_: number[]): number => {
    const key = positions_.length === 1 ? failure * stride + (positions_[0] as number) : `${failure}:${positions_.join(',')}`;
    const map: Map<number | string, number> = positions_.length === 1 ? (single as Map<number | string, number>) : (several as Map<number | string, number>);
    let id = map.get(key);
    if (id === undefined) {
      id = fail.length;
      map.set(key, id);
      fail.push(failure);
      own.push(positions_.slice());
    }
    return id;
  };
  const firstRow = starts.map((list) => (list.length === 0 ? 0 : stateOf(0, list)));

  let next = new Int32Array(256 * classCount);
  next.set(firstRow);
  const overridesFrom: number[] = [0, 0];
  const overrideClass: number[] = [];
  const overrideTarget: number[] = [];
  const extended: number[][] = Array.from({ length: classCount }, () => []);
  const touched: number[] = [];
  for (let s = 1; s < fail.length; s++) {
    if ((s + 1) * classCount > next.length) {
      const grown = new Int32Array(next.length * 2);
      grown.set(next);
      next = grown;
    }
    const from = (fail[s] as number) * classCount;
    const row = s * classCount;
    next.copyWithin(row, from, from + classCount);
    for (const position of own[s] as number[]) {
      const set = advance[position] as number;
      if (set < 0) continue;
      for (const cls of classesOf[set] as number[]) {
        const list = extended[cls] as number[];
        if (list.length === 0) touched.push(cls);
        list.push(position + 1);
      }
    }
    for (const cls of touched) {
      const list = extended[cls] as number[];
      const target = stateOf(next[from + cls] as number, list);
      next[row + cls] = target;
      overrideClass.push(cls);
      overrideTarget.push(target);
      list.length = 0;
    }
    touched.length = 0;
    overridesFrom.push(overrideClass.length);
  }

  // A state reports its own completed keywords and its failure state's (built before it).
  const outputs: (number[] | undefined)[] = [undefined];
  for (let s = 1; s < fail.length; s++) {
    const inherited = outputs[fail[s] as number];
    let done: number[] | undefined;
    for (const position of own[s] as number[]) {
      if ((advance[position] as number) >= 0) continue;
      done ??= inherited === undefined ? [] : [...inherited];
      done.push(entry[position] as number);
    }
    outputs.push(done === undefined ? inherited : done.sort((x, y) => x - y));
  }
  return { classOf, classBytes, fail, firstRow, overridesFrom, overrideClass, overrideTarget, outputs };
}
