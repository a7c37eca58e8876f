import { normalizePythonName, requirementName } from './python-names.js';
import type { TomlTable } from '../structured-text.js';
import { isRecord } from '../structured-text.js';

/** Normalised names a pyproject.toml declares, split into runtime and development. */
export interface DeclaredDependencies {
  readonly runtime: ReadonlySet<string>;
  readonly dev: ReadonlySet<string>;
}

/**
 * Poetry's own tables (`[tool.poetry.dependencies]`, groups, the old `dev-dependencies`) plus the
 * standard ones (PEP 621 `[project]`, PEP 735 `[dependency-groups]`). Any group but `main` counts as
 * development, as Poetry installs only `main` with `--only main`.
 */
export function readDeclaredDependencies(pyproject: TomlTable): DeclaredDependencies {
  const runtime = new Set<string>();
  const dev = new Set<string>();
  const tool = isRecord(pyproject['tool']) ? pyproject['tool'] : {};
  const poetry = isRecord(tool['poetry']) ? tool['poetry'] : {};
  addTableKeys(runtime, poetry['dependencies']);
  addTableKeys(dev, poetry['dev-dependencies']);
  if (isRecord(poetry['group'])) {
    for (const [group, table] of Object.entries(poetry['group'])) {
      if (isRecord(table)) addTableKeys(group === 'main' ? runtime : dev, table['dependencies']);
    }
  }
  const project = isRecord(pyproject['project']) ? pyproject['project'] : {};
  addRequirementStrings(runtime, project['dependencies']);
  if (isRecord(project['optional-dependencies'])) {
    for (const list of Object.values(project['optional-dependencies'])) addRequirementStrings(runtime, list);
  }
  if (isRecord(pyproject['dependency-groups'])) {
    for (const list of Object.values(pyproject['dependency-groups'])) addRequirementStrings(dev, list);
  }
  runtime.delete('python');
  dev.delete('python');
  return { runtime, dev };
}

function addTableKeys(into: Set<string>, table: unknown): void {
  if (!isRecord(table)) return;
  for (const name of Object.keys(table)) into.add(normalizePythonName(name));
}

function addRequirementStrings(into: Set<string>, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    // PEP 735 groups may hold `{ include-group = "…" }` tables, which name no package.
    const name = typeof item === 'string' ? requirementName(item) : undefined;
    if (name !== undefined) into.add(normalizePythonName(name));
  }
}
