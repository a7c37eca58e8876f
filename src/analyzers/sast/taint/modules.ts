import type { Expr, FunctionDecl, Module, Param, Span, Stmt } from '../ir/types.js';
import { indexModule, type ModuleIndex } from '../match/index.js';
import { stmtBlocks } from '../match/walk.js';
import type { ImportResolver } from './resolve-import.js';
import type { RuleSites } from './sites.js';

/** A function the engine can summarise: a declaration, a named lambda, or a module's top level. */
export interface FnInfo {
  readonly name: string;
  readonly params: readonly Param[];
  readonly body: readonly Stmt[];
  readonly className?: string;
  readonly span: Span;
  readonly module: ModuleInfo;
  /** Set for the module's top-level code. */
  readonly isModuleBody?: boolean;
}

export interface ImportRef {
  readonly target: ModuleInfo;
  /** `*` / `default` for the module object, otherwise the imported name. */
  readonly name: string;
}

export interface ModuleInfo {
  readonly module: Module;
  readonly source: string;
  readonly index: ModuleIndex;
  /** The current rule's sites: set for each run (the rest of the record is cached per module). */
  sites: RuleSites;
  readonly functions: FnInfo[];
  readonly byName: Map<string, FnInfo>;
  readonly methods: Map<string, Map<string, FnInfo>>;
  readonly exports: Map<string, FnInfo>;
  readonly imports: Map<string, ImportRef>;
  /** Lambdas registered as named functions: the inline walk skips them. */
  readonly registered: Set<FunctionDecl>;
  /** Variables holding an instance of a class of this module (`users = new Users()`, `u = Users()`), file-wide. */
  readonly instances: Map<string, string>;
  readonly body: FnInfo;
  /** Exports naming a function defined further down the file, settled after the walk. */
  readonly pendingExports: { local: string; exported: string }[];
}

const CACHE = new WeakMap<Module, ModuleInfo>();

/** The functions, classes and exports of a module, built once per module and reused by every rule. */
export function moduleInfoFor(module: Module, source: string, sites: RuleSites): ModuleInfo {
  const hit = CACHE.get(module);
  if (hit && hit.source === source) {
    hit.sites = sites;
    hit.imports.clear();
    return hit;
  }
  const info = createModuleInfo(module, source, sites);
  CACHE.set(module, info);
  return info;
}

function createModuleInfo(module: Module, source: string, sites: RuleSites): ModuleInfo {
  const info: ModuleInfo = {
    module, source, sites, index: indexModule(module, source), functions: [], byName: new Map(), methods: new Map(), exports: new Map(),
    imports: new Map(), registered: new Set(), pendingExports: [], instances: new Map(),
    body: undefined as unknown as FnInfo,
  };
  const whole: Span = { startLine: 1, startColumn: 0, startByte: 0, endLine: Number.MAX_SAFE_INTEGER, endColumn: 0, endByte: Number.MAX_SAFE_INTEGER };
  (info as { body: FnInfo }).body = { name: '<module>', params: [], body: module.body, span: whole, module: info, isModuleBody: true };
  registerFunctions(info, module.body, undefined, true);
  collectInstances(info);
  return info;
}

function addFunction(info: ModuleInfo, decl: FunctionDecl, name: string | undefined, className: string | undefined, topLevel: boolean): FnInfo {
  const fnName = name ?? decl.name ?? '<anonymous>';
  const cls = className ?? decl.className;
  const fn: FnInfo = { name: fnName, params: decl.params, body: decl.body, span: decl.span, module: info, ...(cls !== undefined ? { className: cls } : {}) };
  info.functions.push(fn);
  info.registered.add(decl);
  if (cls !== undefined) {
    const m = info.methods.get(cls) ?? new Map<string, FnInfo>();
    if (!m.has(fnName)) m.set(fnName, fn);
    info.methods.set(cls, m);
  }
  // Top-level definitions win over nested ones of the same name.
  if (cls === undefined && (topLevel || !info.byName.has(fnName))) info.byName.set(fnName, fn);
  return fn;
}

function exportName(target: Expr): string | undefined {
  // `exports.f = …`, `module.exports.f = …`
  if (target.kind !== 'member') return undefined;
  const o = target.object;
  if (o.kind === 'name' && o.name === 'exports') return target.property;
  if (o.kind === 'member' && o.property === 'exports' && o.object.kind === 'name' && o.object.name === 'module') return target.property;
  if (o.kind === 'name' && o.name === 'module' && target.property === 'exports') return 'default';
  return undefined;
}

function registerValue(info: ModuleInfo, value: Expr, exported: string): void {
  if (value.kind === 'function') info.exports.set(exported, addFunction(info, value.fn, exported === 'default' ? undefined : exported, undefined, true));
  else if (value.kind === 'name') {
    const fn = info.byName.get(value.name);
    if (fn) info.exports.set(exported, fn);
    else info.pendingExports.push({ local: value.name, exported });
  } else if (value.kind === 'object') {
    for (const entry of value.entries) if (entry.key !== undefined) registerValue(info, entry.value, entry.key);
  }
}


function registerFunctions(info: ModuleInfo, body: readonly Stmt[], className: string | undefined, topLevel: boolean): void {
  for (const s of body) {
    if (s.kind === 'function') {
      addFunction(info, s.fn, undefined, className, topLevel);
      registerFunctions(info, s.fn.body, undefined, false);
    } else if (s.kind === 'class') registerFunctions(info, s.body, s.name, false);
    else if (s.kind === 'assign' && s.value?.kind === 'function') {
      const ex = exportName(s.target);
      if (ex !== undefined) registerValue(info, s.value, ex);
      else if (s.target.kind === 'name') addFunction(info, s.value.fn, s.target.name, className, topLevel);
      else if (s.target.kind === 'member' && className !== undefined) addFunction(info, s.value.fn, s.target.property, className, false);
      registerFunctions(info, s.value.fn.body, undefined, false);
    } else if (s.kind === 'assign' && s.value && exportName(s.target) !== undefined) {
      registerValue(info, s.value, exportName(s.target) as string);
    } else if (s.kind === 'export') {
      if (s.declaration) {
        registerFunctions(info, [s.declaration], className, topLevel);
        const d = s.declaration;
        if (d.kind === 'function' && d.fn.name !== undefined) {
          const fn = info.byName.get(d.fn.name);
          if (fn) info.exports.set(d.fn.name, fn);
        }
      }
      for (const b of s.bindings) info.pendingExports.push({ local: b.local, exported: b.exported });
      if (s.value) registerValue(info, s.value, 'default');
    } else {
      for (const nested of stmtBlocks(s)) registerFunctions(info, nested, className, topLevel);
    }
  }
  if (topLevel && className === undefined) settleExports(info);
}

function settleExports(info: ModuleInfo): void {
  for (const p of info.pendingExports.splice(0)) {
    const fn = info.byName.get(p.local);
    if (fn && !info.exports.has(p.exported)) info.exports.set(p.exported, fn);
  }
}

/** Links each module's imports to the other modules of the run. */
export function linkImports(modules: readonly ModuleInfo[], resolve: ImportResolver): void {
  const byPath = new Map(modules.map((m) => [m.module.path, m]));
  for (const m of modules) {
    for (const s of m.index.stmtsByKind.get('import') ?? []) {
      if (s.kind !== 'import') continue;
      const path = resolve(m.module.path, s.module, m.module.language);
      const target = path === undefined ? undefined : byPath.get(path);
      for (const b of s.bindings) {
        if (target && (b.imported === '*' || b.imported === 'default' || target.byName.has(b.imported) || target.exports.has(b.imported))) {
          m.imports.set(b.local, { target, name: b.imported });
          continue;
        }
        // `from . import helpers`: the name is a module of the package.
        const sub = resolve(m.module.path, s.module.endsWith('.') ? `${s.module}${b.imported}` : `${s.module}.${b.imported}`, m.module.language);
        const subModule = sub === undefined ? undefined : byPath.get(sub);
        if (subModule) m.imports.set(b.local, { target: subModule, name: '*' });
      }
    }
  }
}

/** A function exported (or, failing that, defined at top level) under `name`. */
export function exportedFunction(m: ModuleInfo, name: string): FnInfo | undefined {
  if (name === '*' || name === 'default') return m.exports.get('default');
  return m.exports.get(name) ?? m.byName.get(name);
}

/** `x = new C(…)` / `x = C(…)` for a class C of the module: calls `x.m()` resolve to C's method m. */
function collectInstances(info: ModuleInfo): void {
  for (const s of info.index.stmtsByKind.get('assign') ?? []) {
    if (s.kind !== 'assign' || !s.value || s.target.kind !== 'name') continue;
    const cls = instanceClass(info, s.value);
    if (cls !== undefined && !info.instances.has(s.target.name)) info.instances.set(s.target.name, cls);
  }
}

/** The class of the module a `new C(…)` / `C(…)` expression makes, if any. */
export function instanceClass(info: ModuleInfo, e: Expr): string | undefined {
  const v = e.kind === 'await' ? e.value : e;
  if (v.kind !== 'call' || v.callee.kind !== 'name') return undefined;
  return info.methods.has(v.callee.name) ? v.callee.name : undefined;
}
