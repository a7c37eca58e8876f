import type { LockedPackage } from '../types.js';

/** The fields a JS lockfile parser knows about one package; unknown optional facts stay undefined. */
export interface NpmPackageFacts {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly direct?: boolean | undefined;
  readonly dev?: boolean | undefined;
  readonly line?: number | undefined;
  readonly dependsOn: readonly string[];
  readonly licenses?: readonly string[] | undefined;
}

/** Builds a LockedPackage, leaving out optional keys that are unknown (exactOptionalPropertyTypes). */
export function toLockedPackage(facts: NpmPackageFacts): LockedPackage {
  return {
    key: facts.key,
    name: facts.name,
    version: facts.version,
    ecosystem: 'npm',
    dependsOn: facts.dependsOn,
    ...(facts.direct === undefined ? {} : { direct: facts.direct }),
    ...(facts.dev === undefined ? {} : { dev: facts.dev }),
    ...(facts.line === undefined ? {} : { line: facts.line }),
    ...(facts.licenses === undefined || facts.licenses.length === 0 ? {} : { licenses: facts.licenses }),
  };
}
