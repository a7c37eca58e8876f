/** Follows dependency edges from the roots; iterative, so deep chains and cycles are safe. */
export function reachableFrom(
  roots: Iterable<string>,
  dependenciesOf: (key: string) => readonly string[] | undefined,
): ReadonlySet<string> {
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const root of roots) {
    if (!seen.has(root)) {
      seen.add(root);
      pending.push(root);
    }
  }
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    for (const next of dependenciesOf(key) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return seen;
}

/**
 * Development scope where the lockfile does not record it: a package is dev when only the project's
 * devDependencies lead to it, as npm decides its `dev` flag. Packages no root leads to are unknown.
 */
export function devScopeOf(
  prodRoots: Iterable<string>,
  devRoots: Iterable<string>,
  dependenciesOf: (key: string) => readonly string[] | undefined,
): (key: string) => boolean | undefined {
  const prod = reachableFrom(prodRoots, dependenciesOf);
  const dev = reachableFrom(devRoots, dependenciesOf);
  return (key) => (prod.has(key) ? false : dev.has(key) ? true : undefined);
}
