import type { Expr } from '../ir/types.js';
import { sameFact, type Fact } from './constants.js';
import { CLEAN, sameTaint, union, type TaintSet } from './taint-set.js';

/** Fields deeper than this are folded into their prefix (`a.b.c.d` is tracked as `a.b.c`). */
const MAX_PATH_DEPTH = 3;

/**
 * The name a value is stored under: `x`, `x.f`, `this.f`, `d.key` for `d['key']`; undefined for
 * anything that is not a variable or a field of one (`f().x`, `a[i]` with a computed `i`).
 */
export function accessPath(e: Expr): string | undefined {
  switch (e.kind) {
    case 'name':
      return e.name;
    case 'member': {
      const base = accessPath(e.object);
      if (base === undefined) return undefined;
      return base.split('.').length >= MAX_PATH_DEPTH ? base : `${base}.${e.property}`;
    }
    case 'index': {
      const base = accessPath(e.object);
      if (base === undefined) return undefined;
      if (e.index.kind === 'literal' && (e.index.type === 'string' || e.index.type === 'number') && base.split('.').length < MAX_PATH_DEPTH) return `${base}.${e.index.value}`;
      return base;
    }
    case 'cast':
    case 'await':
      return accessPath(e.value);
    default:
      return undefined;
  }
}

function rootOf(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/**
 * Variables and fields to taint, flow-sensitively. Copied at branches and merged after. Paths
 * are grouped by their root variable, so reading `x` only looks at `x` and `x.*`.
 */
export class TaintEnv {
  private readonly roots: Map<string, Map<string, TaintSet>>;
  /** Roots whose group map this environment may change in place; others are shared with a copy. */
  private owned = new Set<string>();
  /** Constants and collection shapes of variables (constants.ts); any write to a variable drops its fact. */
  private facts: Map<string, Fact>;

  constructor(roots?: Map<string, Map<string, TaintSet>>, facts?: Map<string, Fact>) {
    this.roots = roots ?? new Map();
    this.facts = facts ?? new Map();
  }

  /** Copy-on-write: both environments share the group maps until one of them writes. */
  copy(): TaintEnv {
    this.owned = new Set();
    return new TaintEnv(new Map(this.roots), this.facts.size > 0 ? new Map(this.facts) : undefined);
  }

  fact(name: string): Fact | undefined {
    return this.facts.size > 0 ? this.facts.get(name) : undefined;
  }

  /** Set after the write that assigned the variable (a write drops the old fact). */
  setFact(name: string, fact: Fact): void {
    this.facts.set(name, fact);
  }

  /**
   * Forgets what is known about `name`. A list's elements sit at `v.0`, `v.1`…, positions that
   * later removals no longer shift: their taint goes to the whole list, seen at every index.
   */
  forget(name: string): void {
    const f = this.facts.get(name);
    if (!f) return;
    this.facts.delete(name);
    if (f.kind === 'list') this.add(name, this.read(name));
  }

  /** Forgets every fact: a loop that did not settle may have changed any of them. */
  dropFacts(): void {
    for (const name of [...this.facts.keys()]) this.forget(name);
  }

  private writable(root: string): Map<string, TaintSet> | undefined {
    const group = this.roots.get(root);
    if (!group || this.owned.has(root)) return group;
    const mine = new Map(group);
    this.roots.set(root, mine);
    this.owned.add(root);
    return mine;
  }

  private newGroup(root: string, path: string, t: TaintSet): void {
    this.roots.set(root, new Map([[path, t]]));
    this.owned.add(root);
  }

  /** Own and prefix taint only: `o` read as the object of `o.f` must not see `o.g`. */
  readOwn(path: string): TaintSet {
    const group = this.roots.get(rootOf(path));
    if (!group) return CLEAN;
    let t = group.get(path) ?? CLEAN;
    let dot = path.lastIndexOf('.');
    while (dot > 0) {
      const prefix = path.slice(0, dot);
      const p = group.get(prefix);
      if (p) t = union(t, p);
      dot = prefix.lastIndexOf('.');
    }
    return t;
  }

  /** The taint of a variable or field: its own, a prefix's (a tainted object taints its fields), and its fields'. */
  read(path: string): TaintSet {
    const group = this.roots.get(rootOf(path));
    if (!group) return CLEAN;
    let t = this.readOwn(path);
    // Fields of `path` exist only if the group holds more than `path` itself.
    if (group.size > (group.has(path) ? 1 : 0)) {
      const under = `${path}.`;
      for (const [k, v] of group) if (k.startsWith(under)) t = union(t, v);
    }
    return t;
  }

  /** Strong update: `x = v` replaces what `x` and its fields held. */
  write(path: string, t: TaintSet): void {
    const root = rootOf(path);
    if (this.facts.size > 0 && root === path) this.facts.delete(root);
    if (!this.roots.has(root)) {
      if (t.size > 0) this.newGroup(root, path, t);
      return;
    }
    const group = this.writable(root) as Map<string, TaintSet>;
    if (group.size > (group.has(path) ? 1 : 0)) {
      const under = `${path}.`;
      for (const k of [...group.keys()]) if (k.startsWith(under)) group.delete(k);
    }
    if (t.size === 0) group.delete(path);
    else group.set(path, t);
    if (group.size === 0) {
      this.roots.delete(root);
      this.owned.delete(root);
    }
  }

  /** Weak update: `a.push(v)`, `a[i] = v` add to what is there. */
  add(path: string, t: TaintSet): void {
    if (t.size === 0) return;
    const root = rootOf(path);
    const group = this.writable(root);
    if (group) group.set(path, union(group.get(path) ?? CLEAN, t));
    else this.newGroup(root, path, t);
  }

  /** Joins another branch's state into this one. */
  mergeFrom(other: TaintEnv): void {
    const lost = new Set<string>();
    for (const [name, f] of this.facts) if (!sameFact(f, other.facts.get(name))) lost.add(name);
    for (const [name, f] of other.facts) if (f.kind === 'list' && !sameFact(f, this.facts.get(name))) lost.add(name);
    this.mergeTaint(other);
    // A list known on one side only: its positions are not comparable, so the whole list holds each element.
    for (const name of lost) {
      const mine = this.facts.get(name);
      this.facts.delete(name);
      if (mine?.kind === 'list' || other.facts.get(name)?.kind === 'list') this.add(name, this.read(name));
    }
  }

  private mergeTaint(other: TaintEnv): void {
    for (const [root, og] of other.roots) {
      const mine = this.roots.get(root);
      if (mine === og) continue;
      if (!mine) {
        // Shared, not owned: a later write here clones it.
        this.roots.set(root, og);
        this.owned.delete(root);
        other.owned.delete(root);
        continue;
      }
      const group = this.writable(root) as Map<string, TaintSet>;
      for (const [k, v] of og) group.set(k, union(group.get(k) ?? CLEAN, v));
    }
  }

  equals(other: TaintEnv): boolean {
    if (this.roots.size !== other.roots.size || this.facts.size !== other.facts.size) return false;
    for (const [name, f] of this.facts) if (!sameFact(f, other.facts.get(name))) return false;
    for (const [root, group] of this.roots) {
      const og = other.roots.get(root);
      if (og === group) continue;
      if (!og || og.size !== group.size) return false;
      for (const [k, v] of group) if (!sameTaint(v, og.get(k))) return false;
    }
    return true;
  }
}
