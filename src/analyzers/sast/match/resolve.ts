import type { Expr, ImportStmt, Stmt } from '../ir/types.js';

/**
 * Local names that stand for imported modules or their members, mapped to a dotted qualified
 * name: `import os as o` gives `o → os`, `from os import system` gives `system → os.system`,
 * `const cp = require('child_process')` gives `cp → child_process`, `const { exec } =
 * require('child_process')` gives `exec → child_process.exec`. Flow-insensitive and file-wide:
 * good enough to recognise a library call, which is all the matcher needs it for.
 */
export type AliasTable = ReadonlyMap<string, string>;

/** Module names as dotted paths: `os/exec` and `System\IO` become `os.exec`, `System.IO`; `node:fs` is `fs`. */
export function normaliseModule(module: string): string {
  // `node:child_process` is `child_process`.
  return module.replace(/^node:/, '').replace(/[/\\]+/g, '.').replace(/^\.+|\.+$/g, '');
}

function addImport(table: Map<string, string>, imp: ImportStmt): void {
  const mod = normaliseModule(imp.module);
  if (mod === '') return;
  for (const b of imp.bindings) {
    if (b.local === '' || b.local.startsWith('$')) continue;
    if (b.imported === '*' || b.imported === 'default') {
      // `import os.path` binds `os` to the package, not to `os.path`.
      table.set(b.local, mod.startsWith(`${b.local}.`) ? b.local : mod);
    } else {
      table.set(b.local, mod === b.imported || mod.endsWith(`.${b.imported}`) ? mod : `${mod}.${b.imported}`);
    }
  }
}

function requireTarget(e: Expr): string | undefined {
  if (e.kind !== 'call' || e.callee.kind !== 'name' || e.callee.name !== 'require') return undefined;
  const arg = e.args[0]?.value;
  return arg?.kind === 'literal' && arg.type === 'string' ? normaliseModule(arg.value) : undefined;
}

/** The dotted name an expression stands for through `table`, if it is a chain rooted at an alias. */
export function qualifiedName(e: Expr, table: AliasTable): string | undefined {
  switch (e.kind) {
    case 'name':
      return table.get(e.name);
    case 'member': {
      const base = qualifiedName(e.object, table);
      return base === undefined ? undefined : `${base}.${e.property}`;
    }
    case 'call':
      return requireTarget(e);
    case 'await':
      return qualifiedName(e.value, table);
    default:
      return undefined;
  }
}

/** `a.b.c` as written, for names and member chains only. */
export function dottedName(e: Expr): string | undefined {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'member') {
    const base = dottedName(e.object);
    return base === undefined ? undefined : `${base}.${e.property}`;
  }
  return undefined;
}

/**
 * Collects the table from every import, `x = require('m')`, `{ a, b: c } = require('m')` and
 * `x = <alias chain>` in the file (statements are handed over by the indexer's walk).
 */
export class AliasCollector {
  private readonly table = new Map<string, string>();
  private readonly assigned: { target: Expr; value: Expr }[] = [];

  visit(s: Stmt): void {
    if (s.kind === 'import') addImport(this.table, s);
    else if (s.kind === 'assign' && s.value) this.assigned.push({ target: s.target, value: s.value });
  }

  visitAssignExpr(target: Expr, value: Expr): void {
    this.assigned.push({ target, value });
  }

  finish(): AliasTable {
    // Two rounds so `const cp = require('child_process'); const run = cp.exec` resolves.
    for (let round = 0; round < 2; round++) {
      for (const { target, value } of this.assigned) {
        const q = qualifiedName(value, this.table);
        if (q === undefined) continue;
        if (target.kind === 'name') {
          if (!this.table.has(target.name)) this.table.set(target.name, q);
        } else if (target.kind === 'object') {
          for (const entry of target.entries) {
            if (entry.key === undefined || entry.spread) continue;
            const local = entry.value.kind === 'name' ? entry.value.name : entry.value.kind === 'assign' && entry.value.target.kind === 'name' ? entry.value.target.name : undefined;
            if (local !== undefined && !this.table.has(local)) this.table.set(local, `${q}.${entry.key}`);
          }
        }
      }
    }
    return this.table;
  }
}
