import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import { attribute, literalString } from '../values.js';

/** Sources fetched with git: `git::…`, `github.com/…`, `bitbucket.org/…`, `git@host:…`. */
const GIT_SOURCE = /^(git::|git@|github\.com\/|bitbucket\.org\/)/;
/** A Terraform Registry address: `namespace/name/provider`, optionally on a private registry host. */
const REGISTRY_SOURCE = /^([a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;
const COMMIT = /^[0-9a-f]{40}$/;

function gitRef(source: string): string | undefined {
  const query = source.split('?')[1];
  return query?.split('&').find((part) => part.startsWith('ref='))?.slice('ref='.length);
}

const moduleSourceUnpinned: IacRule<TfResource> = {
  id: 'tf-module-source-unpinned',
  title: 'Module is not pinned to a fixed revision',
  description:
    'A module is fetched from git without `?ref=` set to a commit, or from a registry without a `version`. Each `terraform init` then takes whatever the branch or latest release holds, so a change upstream (or a compromised repository or tag) flows into your infrastructure unreviewed.',
  severity: 'medium',
  cwe: 829,
  remediation: 'Pin git modules with `?ref=<commit sha>` and registry modules with an exact `version`; update them deliberately.',
  check: (target): Violation[] => {
    if (target.kind !== 'module') return [];
    const source = attribute(target.body, 'source');
    const text = literalString(source?.value);
    if (!source || text === undefined) return [];
    if (GIT_SOURCE.test(text)) {
      const ref = gitRef(text);
      if (ref !== undefined && COMMIT.test(ref)) return [];
      return [{ line: source.line, resource: target.resource, detail: ref === undefined ? 'no ref: the default branch' : `ref ${ref} is a branch or tag` }];
    }
    if (REGISTRY_SOURCE.test(text) && attribute(target.body, 'version') === undefined) {
      return [{ line: source.line, resource: target.resource, detail: 'no version: the latest release' }];
    }
    return [];
  },
};

export const MODULE_RULES: readonly IacRule<TfResource>[] = [moduleSourceUnpinned];
