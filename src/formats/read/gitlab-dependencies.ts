import type { Ecosystem, Package, PackageRef } from '../../core/inventory.js';
import { purlOf } from '../../lockfiles/purl.js';
import { Checker, at, isObject, objectsOf, optArray, optInteger, reqArray, reqObject, reqString } from './check.js';

/** GitLab's package_manager → OSV ecosystem (the `Package.ecosystem` naming). */
const ECOSYSTEMS: Readonly<Record<string, Ecosystem>> = {
  npm: 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  pip: 'PyPI',
  pipenv: 'PyPI',
  poetry: 'PyPI',
  setuptools: 'PyPI',
  uv: 'PyPI',
  conda: 'PyPI',
  go: 'Go',
  cargo: 'crates.io',
  bundler: 'RubyGems',
  composer: 'Packagist',
  maven: 'Maven',
  gradle: 'Maven',
  sbt: 'Maven',
  nuget: 'NuGet',
  pub: 'Pub',
  mix: 'Hex',
  conan: 'ConanCenter',
  swift: 'SwiftURL',
  cocoapods: 'CocoaPods',
};

export function ecosystemOfPackageManager(packageManager: string): Ecosystem {
  return ECOSYSTEMS[packageManager.toLowerCase()] ?? packageManager;
}

interface Entry {
  readonly name: string;
  readonly version: string;
  readonly iid?: number;
  readonly direct?: boolean;
  readonly pathIids: readonly number[];
}

/**
 * A dependency-scanning report's `dependency_files` as packages: one per (file, dependency),
 * `path` resolved from GitLab's iid lists to name@version steps. Stops at `maxPackages`.
 */
export function readDependencyFiles(c: Checker, files: unknown[], maxPackages: number): Package[] {
  const packages: Package[] = [];
  for (const file of objectsOf(c, files, 'dependency_files')) {
    const path = reqString(c, file.value, 'path', file.path);
    const manager = reqString(c, file.value, 'package_manager', file.path);
    const dependencies = reqArray(c, file.value, 'dependencies', file.path);
    if (path === undefined || manager === undefined || !dependencies) continue;
    if (packages.length + dependencies.length > maxPackages) {
      c.fail('dependency_files', `more than ${maxPackages} dependencies, the limit`, 'report-limit');
      return packages;
    }
    const entries: Entry[] = [];
    for (const dep of objectsOf(c, dependencies, at(file.path, 'dependencies'))) {
      const pkg = reqObject(c, dep.value, 'package', dep.path);
      const name = pkg ? reqString(c, pkg, 'name', at(dep.path, 'package')) : undefined;
      const version = dep.value['version'];
      const iid = optInteger(c, dep.value, 'iid', dep.path);
      const direct = dep.value['direct'];
      const steps = optArray(c, dep.value, 'dependency_path', dep.path) ?? [];
      const pathIids = steps.flatMap((step) => (isObject(step) && typeof step['iid'] === 'number' ? [step['iid']] : []));
      if (name === undefined) continue;
      entries.push({
        name,
        version: typeof version === 'string' ? version : '',
        pathIids,
        ...(iid === undefined ? {} : { iid }),
        ...(typeof direct === 'boolean' ? { direct } : {}),
      });
    }
    const byIid = new Map<number, Entry>();
    for (const entry of entries) if (entry.iid !== undefined && !byIid.has(entry.iid)) byIid.set(entry.iid, entry);
    const ecosystem = ecosystemOfPackageManager(manager);
    for (const entry of entries) {
      const steps = entry.pathIids.map((iid) => byIid.get(iid));
      const refs: PackageRef[] = steps.every((s) => s !== undefined) ? steps.map((s) => ({ name: s.name, version: s.version })) : [];
      packages.push({
        ecosystem,
        name: entry.name,
        version: entry.version,
        purl: purlOf(ecosystem, entry.name, entry.version),
        locations: [{ file: path }],
        dependsOn: [],
        ...(entry.direct === undefined ? {} : { direct: entry.direct }),
        ...(refs.length > 0 ? { path: refs, via: refs[0] as PackageRef } : {}),
      });
    }
  }
  return packages;
}
