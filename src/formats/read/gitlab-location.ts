import { imageNameWithoutTag } from '../../core/identity/fingerprint.js';
import type { Location } from '../../core/location.js';
import { Checker, at, optInteger, optString, reqObject, reqString, type JsonObject } from './check.js';
import type { IngestReportType } from './types.js';

export interface ReadLocation {
  readonly location: Location;
  /** GitLab's `fingerprint_data` for the location (spec §2.1), built from the report's own values. */
  readonly locationData: string;
  /** GitLab's `fingerprint_path`: what a generated finding name says the finding is "in". */
  readonly fingerprintPath: string;
}

/** Ruby's `"#{nil}"` is empty: GitLab fingerprints an absent value as the empty string. */
const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

function sourceLocation(c: Checker, raw: JsonObject, path: string, isSecret: boolean): ReadLocation {
  const file = optString(c, raw, 'file', path);
  const startLine = optInteger(c, raw, 'start_line', path);
  const endLine = optInteger(c, raw, 'end_line', path);
  let commit: { sha: string; author?: string; date?: string; message?: string } | undefined;
  if (isSecret) {
    const rawCommit = reqObject(c, raw, 'commit', path);
    const sha = rawCommit ? reqString(c, rawCommit, 'sha', at(path, 'commit')) : undefined;
    if (rawCommit && sha !== undefined) {
      const p = at(path, 'commit');
      const author = optString(c, rawCommit, 'author', p);
      const date = optString(c, rawCommit, 'date', p);
      const message = optString(c, rawCommit, 'message', p);
      commit = {
        sha,
        ...(author === undefined ? {} : { author }),
        ...(date === undefined ? {} : { date }),
        ...(message === undefined ? {} : { message }),
      };
    }
  }
  const scope = [optString(c, raw, 'class', path), optString(c, raw, 'method', path)].filter((s) => s !== undefined && s !== '').join('#');
  const location: Location = {
    kind: 'source',
    file: file ?? '',
    startLine: startLine ?? 0,
    endLine: endLine ?? startLine ?? 0,
    ...(scope === '' ? {} : { scope }),
    ...(commit === undefined ? {} : { commit }),
  };
  return { location, locationData: `${text(file)}:${text(startLine)}:${text(endLine)}`, fingerprintPath: file ?? '' };
}

function dependencyOf(c: Checker, raw: JsonObject, path: string): { name: string; version: string; direct?: boolean } | undefined {
  const dependency = reqObject(c, raw, 'dependency', path);
  if (!dependency) return undefined;
  const p = at(path, 'dependency');
  const pkg = reqObject(c, dependency, 'package', p);
  const name = pkg ? reqString(c, pkg, 'name', at(p, 'package')) : undefined;
  // The schemas require a version, but 14.x analyzers sometimes left it out: keep the finding.
  const version = optString(c, dependency, 'version', p) ?? '';
  const direct = dependency['direct'];
  if (name === undefined) return undefined;
  return typeof direct === 'boolean' ? { name, version, direct } : { name, version };
}

function dependencyLocation(c: Checker, raw: JsonObject, path: string): ReadLocation | undefined {
  const file = reqString(c, raw, 'file', path);
  const dep = dependencyOf(c, raw, path);
  if (file === undefined || !dep) return undefined;
  const location: Location = {
    kind: 'dependency',
    file,
    packageName: dep.name,
    version: dep.version,
    ...(dep.direct === undefined ? {} : { direct: dep.direct }),
  };
  return { location, locationData: `${file}:${dep.name}`, fingerprintPath: file };
}

function imageLocation(c: Checker, raw: JsonObject, path: string, cluster: boolean): ReadLocation | undefined {
  const image = reqString(c, raw, 'image', path);
  // Required by the container-scanning schema, optional for cluster image scanning.
  const operatingSystem = cluster ? optString(c, raw, 'operating_system', path) : reqString(c, raw, 'operating_system', path);
  const dep = dependencyOf(c, raw, path);
  const defaultBranchImage = optString(c, raw, 'default_branch_image', path);
  let agentPrefix = '';
  if (cluster) {
    const resource = reqObject(c, raw, 'kubernetes_resource', path);
    if (resource) {
      const p = at(path, 'kubernetes_resource');
      for (const key of ['namespace', 'kind', 'name', 'container_name']) reqString(c, resource, key, p);
      const agent = resource['agent_id'];
      if (typeof agent === 'string' && agent !== '') agentPrefix = `AGENT_${agent}:`;
      else if (typeof agent === 'number') agentPrefix = `AGENT_${agent}:`;
    }
  }
  if (image === undefined || !dep) return undefined;
  const location: Location = { kind: 'image', image, operatingSystem: operatingSystem ?? '', packageName: dep.name, version: dep.version };
  // GitLab prefers default_branch_image when the report gives one, so a tag change keeps identity.
  const named = defaultBranchImage !== undefined && defaultBranchImage !== '' ? defaultBranchImage : image;
  return { location, locationData: `${agentPrefix}${imageNameWithoutTag(named)}:${dep.name}`, fingerprintPath: image };
}

function httpLocation(c: Checker, raw: JsonObject, path: string): ReadLocation {
  const hostname = optString(c, raw, 'hostname', path);
  const method = optString(c, raw, 'method', path);
  const urlPath = optString(c, raw, 'path', path);
  const param = optString(c, raw, 'param', path);
  const location: Location = { kind: 'http', hostname: hostname ?? '', method: method ?? '', path: urlPath ?? '', param: param ?? '' };
  return { location, locationData: `${text(urlPath)}:${text(method)}:${text(param)}`, fingerprintPath: urlPath ?? '' };
}

/**
 * Coverage fuzzing has no file; core has no crash location, so the finding carries an empty
 * source location and the crash facts stay in `raw.location`. Identity uses GitLab's own text.
 */
function fuzzingLocation(c: Checker, raw: JsonObject, path: string): ReadLocation {
  const crashType = optString(c, raw, 'crash_type', path);
  const crashState = optString(c, raw, 'crash_state', path);
  optString(c, raw, 'crash_address', path);
  optString(c, raw, 'stacktrace_snippet', path);
  return { location: { kind: 'source', file: '', startLine: 0, endLine: 0 }, locationData: `${text(crashType)}:${text(crashState)}`, fingerprintPath: '' };
}

/** A vulnerability's `location`, read for its report type. Undefined when a required part is missing (problems recorded). */
export function readGitlabLocation(c: Checker, vulnerability: JsonObject, path: string, reportType: IngestReportType): ReadLocation | undefined {
  const raw = reqObject(c, vulnerability, 'location', path);
  if (!raw) return undefined;
  const p = at(path, 'location');
  switch (reportType) {
    case 'sast':
      return sourceLocation(c, raw, p, false);
    case 'secret_detection':
      return sourceLocation(c, raw, p, true);
    case 'dependency_scanning':
      return dependencyLocation(c, raw, p);
    case 'container_scanning':
      return imageLocation(c, raw, p, false);
    case 'cluster_image_scanning':
      return imageLocation(c, raw, p, true);
    case 'dast':
    case 'api_fuzzing':
      return httpLocation(c, raw, p);
    case 'coverage_fuzzing':
      return fuzzingLocation(c, raw, p);
  }
}
