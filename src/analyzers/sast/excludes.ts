import picomatch from 'picomatch';

/** GitLab's default SAST_EXCLUDED_PATHS (besides vendored code, which the walk leaves out). */
export const DEFAULT_SAST_EXCLUDES: readonly string[] = ['spec', 'test', 'tests', 'tmp'];

/**
 * A plain name (`tests`) leaves out every folder of that name at any depth, as GitLab's defaults
 * do; an entry with `/` or a wildcard is a glob over the whole relative path.
 */
export function createExcludeTest(entries: readonly string[]): (path: string) => boolean {
  const names = new Set(entries.filter((entry) => !/[/*?[{]/.test(entry)));
  const globs = entries.filter((entry) => /[/*?[{]/.test(entry));
  const matchGlob = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
  return (path) => {
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++) if (names.has(parts[i] as string)) return true;
    if (!matchGlob) return false;
    return matchGlob(path) || parts.some((_part, i) => i > 0 && matchGlob(parts.slice(0, i).join('/')));
  };
}
