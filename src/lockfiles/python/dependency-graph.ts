/**
 * Keys reachable from `start` through `edges`, iteratively so a deep or cyclic graph costs
 * O(nodes + edges) and no stack.
 */
export function reachableFrom(start: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const key = queue.pop();
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    for (const next of edges.get(key) ?? []) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}

/** `dev` from reachability: runtime wins; reachable from development roots only is dev; else unknown. */
export function devFlag(key: string, runtime: ReadonlySet<string>, development: ReadonlySet<string>): boolean | undefined {
  if (runtime.has(key)) return false;
  if (development.has(key)) return true;
  return undefined;
}
