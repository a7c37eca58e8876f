import type { Language } from '../ir/types.js';

/** Finds the module an import names, among the modules of the scan. */
export type ImportResolver = (fromPath: string, spec: string, language: Language) => string | undefined;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins and normalises `a/b` + `../c` without touching the file system. */
export function joinPath(base: string, rel: string): string | undefined {
  const parts = base === '' ? [] : base.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

const JS_EXTENSIONS = ['', '.js', '.ts', '.tsx', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.js', '/index.ts', '/index.tsx', '/index.mjs'];

function resolveJs(fromPath: string, spec: string, known: ReadonlySet<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = joinPath(dirOf(fromPath), spec);
  if (base === undefined) return undefined;
  for (const ext of JS_EXTENSIONS) if (known.has(base + ext)) return base + ext;
  // TypeScript sources import `./util.js` and mean `./util.ts`.
  const stem = base.replace(/\.[mc]?js$/, '');
  if (stem !== base) for (const ext of ['.ts', '.tsx', '.mts', '.cts']) if (known.has(stem + ext)) return stem + ext;
  return undefined;
}

function pythonCandidates(dir: string, dotted: string): string[] {
  const rel = dotted.split('.').filter((s) => s !== '').join('/');
  const base = rel === '' ? dir : dir === '' ? rel : `${dir}/${rel}`;
  return base === '' ? ['__init__.py'] : [`${base}.py`, `${base}/__init__.py`];
}

function resolvePython(fromPath: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const dots = /^\.*/.exec(spec)?.[0].length ?? 0;
  if (dots > 0) {
    let dir: string | undefined = dirOf(fromPath);
    for (let i = 1; i < dots && dir !== undefined; i++) dir = dir === '' ? undefined : dirOf(dir);
    if (dir === undefined) return undefined;
    return pythonCandidates(dir, spec.slice(dots)).find((c) => known.has(c));
  }
  // Absolute imports: from the scan root, then from each folder above the importing file (src layouts).
  let dir = dirOf(fromPath);
  const roots = [''];
  while (dir !== '') {
    roots.push(dir);
    dir = dirOf(dir);
  }
  for (const root of roots) {
    const hit = pythonCandidates(root, spec).find((c) => known.has(c));
    if (hit) return hit;
  }
  return undefined;
}

/** The default resolver: relative JS/TS imports and Python imports within the scanned modules. */
export function defaultResolver(paths: Iterable<string>): ImportResolver {
  const known = new Set(paths);
  return (fromPath, spec, language) => {
    if (language === 'python') return resolvePython(fromPath, spec, known);
    if (language === 'javascript' || language === 'typescript' || language === 'tsx') return resolveJs(fromPath, spec, known);
    return undefined;
  };
}
