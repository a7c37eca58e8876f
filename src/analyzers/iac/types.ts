import type { Problem } from '../../core/result.js';
import type { Severity } from '../../core/severity.js';

/** One misconfiguration a rule found: where, in which resource, and what exactly. */
export interface Violation {
  /** 1-based line of the offending attribute, or of the resource when the attribute is missing. */
  readonly line: number;
  /** The resource as people name it: `Deployment/web`, `service "db"`, `job build`, `stage 2 (FROM node)`. */
  readonly resource: string;
  /** What is wrong in this case, when the title alone does not say (`capability SYS_ADMIN added`). */
  readonly detail?: string;
}

/**
 * A check, as data: its identity and advice, and a pure predicate over one parsed target of its
 * framework (a Kubernetes object, a Dockerfile, a compose service, a CI workflow).
 */
export interface IacRule<T> {
  /** Stable, kebab-case, prefixed by framework: `k8s-privileged-container`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly cwe: number;
  readonly remediation: string;
  check(target: T): readonly Violation[];
}

/** What a framework makes of a file: the targets its rules check, and what it could not read. */
export interface ParsedIac<T> {
  readonly targets: readonly T[];
  readonly problems: readonly Problem[];
}

/** A kind of infrastructure file: how to find it, read it, and the rules that check it. */
export interface IacFramework<T> {
  /** `kubernetes`, `dockerfile`, `docker-compose`, `github-actions`, `gitlab-ci`… */
  readonly id: string;
  /** Cheap test on the path (relative to the scanned root, `/`-separated). */
  claims(path: string): boolean;
  /** Never throws: malformed input is a problem, and whatever could be read is checked. */
  parse(text: string, file: string): ParsedIac<T>;
  readonly rules: readonly IacRule<T>[];
}

/**
 * Any framework, for the analyzer's list: targets come out of `parse` as `unknown` and go back
 * into the same framework's rules (`check` is a method, so a rule of a narrower target fits).
 */
export type AnyIacFramework = IacFramework<unknown>;
