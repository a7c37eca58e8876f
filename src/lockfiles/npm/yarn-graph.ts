import type { LockedPackage } from '../types.js';
import { devScopeOf } from './dependency-scope.js';
import { toLockedPackage } from './locked-package.js';

/** A package of a yarn.lock before its dependencies are resolved: several entries may merge into one. */
interface PendingPackage {
  readonly name: string;
  readonly version: string;
  readonly line: number;
  readonly dependencies: Set<string>;
}

/**
 * Both Yarns key entries by descriptor (`name@range`) and refer to dependencies by descriptor too.
 * Packages are keyed `name@version`: entries that resolve to the same version (a `patch:` and its
 * original, two ranges written apart) are one package.
 */
export class YarnGraph {
  private readonly packages = new Map<string, PendingPackage>();
  private readonly keyOfDescriptor = new Map<string, string>();

  /** Records a package and the descriptors that name it; returns its key. */
  add(name: string, version: string, line: number, descriptors: readonly string[], dependencies: readonly string[]): string {
    const key = `${name}@${version}`;
    let pending = this.packages.get(key);
    if (pending === undefined) this.packages.set(key, (pending = { name, version, line, dependencies: new Set() }));
    for (const dependency of dependencies) pending.dependencies.add(dependency);
    for (const descriptor of descriptors) this.keyOfDescriptor.set(descriptor, key);
    return key;
  }

  /** The package a descriptor names, trying each spelling in turn (Berry adds a default `npm:`). */
  resolve(...spellings: readonly string[]): string | undefined {
    for (const spelling of spellings) {
      const key = this.keyOfDescriptor.get(spelling);
      if (key !== undefined) return key;
    }
    return undefined;
  }

  /**
   * The packages with their edges resolved. `roots` are the keys the project declares, for
   * production and for development; without them direct and dev stay unknown. When some of the
   * project's manifests could not be read (`complete: false`), a package nothing depends on must be
   * declared by one of them, so it is direct, with a scope nobody can tell.
   */
  lockedPackages(resolveDependency: (descriptor: string) => string | undefined, roots: ProjectRoots | undefined): LockedPackage[] {
    const edges = new Map<string, readonly string[]>();
    const depended = new Set<string>();
    for (const [key, pending] of this.packages) {
      const targets = new Set<string>();
      for (const descriptor of pending.dependencies) {
        const target = resolveDependency(descriptor);
        if (target !== undefined && target !== key) targets.add(target);
      }
      edges.set(key, [...targets]);
      for (const target of targets) depended.add(target);
    }
    const known = new Set([...(roots?.prod ?? []), ...(roots?.dev ?? [])]);
    const unknownRoots = new Set(
      roots === undefined || roots.complete ? [] : [...this.packages.keys()].filter((key) => !depended.has(key) && !known.has(key)),
    );
    const devScope = roots === undefined ? undefined : devScopeOf(roots.prod, roots.dev, (key) => edges.get(key));
    const isDirect = (key: string): boolean | undefined =>
      roots === undefined ? undefined : known.has(key) || unknownRoots.has(key) ? true : roots.complete ? false : undefined;
    // An unread workspace may declare any package for production, so "only for development" cannot be claimed.
    const isDev = (key: string): boolean | undefined => {
      const scope = devScope?.(key);
      return scope === true && roots?.complete !== true ? undefined : scope;
    };
    return [...this.packages].map(([key, pending]) =>
      toLockedPackage({
        key,
        name: pending.name,
        version: pending.version,
        direct: isDirect(key),
        dev: isDev(key),
        line: pending.line,
        dependsOn: edges.get(key) ?? [],
      }),
    );
  }
}

/** What the project's manifests declare, as package keys. */
export interface ProjectRoots {
  readonly prod: readonly string[];
  readonly dev: readonly string[];
  /** False when some workspace manifests could not be read (glob patterns, missing files). */
  readonly complete: boolean;
}
