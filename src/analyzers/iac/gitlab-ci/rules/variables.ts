import type { Pipeline } from '../framework.js';
import { allVariables, effectiveVariable, jobResource, servicesOf } from '../pipeline.js';
import { looksSecret } from '../../secret-names.js';
import type { IacRule, Violation } from '../../types.js';

/** Values that configure rather than authenticate: flags, numbers, empty strings. */
function isLiteralSecret(value: string | undefined): value is string {
  if (value === undefined || value.length < 4 || value.includes('$')) return false;
  return !/^(?:true|false|yes|no|on|off|none|null|\d+)$/i.test(value);
}

const secretInVariables: IacRule<Pipeline> = {
  id: 'gitlab-ci-secret-in-variables',
  title: 'Credential hard-coded in pipeline variables',
  description:
    'A password, token or key written into `.gitlab-ci.yml` is readable by everyone who can read the repository, stays in its history forever, and is not masked in job logs.',
  severity: 'high',
  cwe: 798,
  remediation: 'Delete the value, rotate the credential, and define it as a masked (and protected) CI/CD variable in the project or group settings, or fetch it from a secrets manager (`secrets:` with Vault or a cloud provider).',
  check: (pipeline) =>
    allVariables(pipeline).flatMap((variable): Violation[] =>
      looksSecret(variable.name) && isLiteralSecret(variable.value) ? [{ line: variable.line, resource: variable.resource, detail: `${variable.name} has a literal value` }] : [],
    ),
};

const DIND = /(?:^|\/)docker:[^\s]*dind/;

const dindWithoutTls: IacRule<Pipeline> = {
  id: 'gitlab-ci-dind-tls-disabled',
  title: 'Docker-in-Docker service with TLS turned off',
  description:
    'With `DOCKER_TLS_CERTDIR: ""` the dind daemon listens on plain TCP port 2375 without authentication; any container on the runner\'s network can then drive it and, through its privileged mode, the runner host.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Leave `DOCKER_TLS_CERTDIR` at its default (`"/certs"`) so the daemon and client use mutual TLS on port 2376, or build images without a daemon (Kaniko, Buildah).',
  check: (pipeline) => {
    const seen = new Set<number>();
    const found: Violation[] = [];
    const inherited = [...servicesOf(pipeline.root.get('default'), 'default'), ...servicesOf(pipeline.root, 'pipeline')];
    for (const job of pipeline.jobs) {
      const own = servicesOf(job.node, jobResource(job));
      const services = job.node.has('services') ? own : inherited;
      if (!services.some((service) => DIND.test(service.name))) continue;
      const certDir = effectiveVariable(pipeline, job, 'DOCKER_TLS_CERTDIR');
      if (certDir?.value !== '' || seen.has(certDir.line)) continue;
      seen.add(certDir.line);
      found.push({ line: certDir.line, resource: jobResource(job), detail: 'DOCKER_TLS_CERTDIR is empty' });
    }
    return found;
  },
};

export const VARIABLE_RULES: readonly IacRule<Pipeline>[] = [secretInVariables, dindWithoutTls];
