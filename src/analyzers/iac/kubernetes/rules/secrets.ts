import { looksSecret } from '../../secret-names.js';
import type { IacRule } from '../../types.js';
import { containersOf, type K8sObject } from '../model.js';

/** A literal worth worrying about: not empty, not a flag, not a `$(OTHER_VAR)` reference. */
function isLiteralSecret(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length >= 3 && !/^(true|false|yes|no|none|null)$/i.test(trimmed) && !/^\$\([A-Za-z0-9_]+\)$/.test(trimmed) && !trimmed.includes('{{');
}

const secretInEnv: IacRule<K8sObject> = {
  id: 'k8s-secret-in-env-value',
  title: 'Credential written as a literal environment variable',
  description: 'An environment variable named like a password, token or key has its value written in the manifest; it sits in version control and is readable by anyone who can read the object.',
  severity: 'high',
  cwe: 798,
  remediation: 'Store the value in a Secret (or an external secret manager) and reference it with `valueFrom.secretKeyRef`; rotate the exposed credential.',
  check: (target) =>
    containersOf(target).flatMap((container) =>
      (container.node.get('env')?.items() ?? []).flatMap((variable) => {
        const name = variable.get('name')?.str();
        const value = variable.get('value');
        const text = value?.str();
        if (name === undefined || !value || text === undefined || !looksSecret(name) || !isLiteralSecret(text)) return [];
        return [{ line: value.line, resource: container.resource, detail: `environment variable ${name}` }];
      }),
    ),
};

export const secretRules: readonly IacRule<K8sObject>[] = [secretInEnv];
