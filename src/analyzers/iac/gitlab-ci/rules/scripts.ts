import { MAX_SCRIPT_LINE, pipesDownloadToShell, printsToLog } from '../../scalar-lines.js';
import type { Pipeline } from '../framework.js';
import { allScriptLines, allVariables, jobResource } from '../pipeline.js';
import { looksSecret } from '../../secret-names.js';
import type { IacRule, Violation } from '../../types.js';

/** Predefined variables that hold credentials; the runner masks some of them only in exact form. */
const PREDEFINED_SECRETS = new Set(['CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_JOB_JWT', 'CI_JOB_JWT_V2', 'CI_DEPENDENCY_PROXY_PASSWORD']);

/** The first credential-like `$NAME` / `${NAME}` a line expands. */
function expandedSecret(text: string): string | undefined {
  for (const match of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? '';
    if (PREDEFINED_SECRETS.has(name) || looksSecret(name)) return name;
  }
  return undefined;
}

const secretEchoed: IacRule<Pipeline> = {
  id: 'gitlab-ci-secret-echoed',
  title: 'Credential printed to the job log',
  description:
    'Echoing a token or password writes it to the job log, which every project member (and, on public projects, everyone) can read; masking only hides exact, maskable values, and not at all once the value is transformed.',
  severity: 'high',
  cwe: 532,
  remediation: 'Never print credentials. Hand them to the tool through its environment or stdin (`echo "$CI_REGISTRY_PASSWORD" | docker login --password-stdin …`).',
  check: (pipeline) =>
    allScriptLines(pipeline).flatMap(({ text, line, resource }): Violation[] => {
      if (!printsToLog(text)) return [];
      const secret = expandedSecret(text);
      return secret === undefined ? [] : [{ line, resource, detail: `$${secret} is printed` }];
    }),
};

const downloadPipedToShell: IacRule<Pipeline> = {
  id: 'gitlab-ci-curl-pipe-shell',
  title: 'Downloaded script piped straight into a shell',
  description:
    '`curl … | sh` runs whatever the server returns, unverified, inside a job that holds CI_JOB_TOKEN and the project\'s variables; a compromised or spoofed host takes over the job.',
  severity: 'medium',
  cwe: 494,
  remediation: 'Download to a file, verify a published checksum or signature, then run it; better, install from a pinned package or bake the tool into a pinned image.',
  check: (pipeline) =>
    allScriptLines(pipeline)
      .filter(({ text }) => pipesDownloadToShell(text))
      .map(({ line, resource }) => ({ line, resource })),
};

/** Command-line switches that turn certificate checking off, judged word by word (no backtracking). */
function disablesTlsCheck(text: string): string | undefined {
  if (text.length > MAX_SCRIPT_LINE) return undefined;
  const words = text.split(/\s+/);
  const curl = words.indexOf('curl');
  if (curl >= 0 && words.slice(curl + 1).some((word) => word === '--insecure' || /^-[a-zA-Z]*k[a-zA-Z]*$/.test(word))) return 'curl without certificate checks';
  if (words.includes('wget') && words.includes('--no-check-certificate')) return 'wget --no-check-certificate';
  if (/\bhttp\.sslVerify[= ]+false\b/i.test(text)) return 'git http.sslVerify=false';
  return undefined;
}

const tlsVerificationDisabled: IacRule<Pipeline> = {
  id: 'gitlab-ci-tls-verification-disabled',
  title: 'TLS certificate verification turned off',
  description:
    'Without certificate checks anyone on the network path (a compromised proxy, a hostile Wi-Fi on a self-managed runner) can serve the job altered sources, binaries or dependencies, or capture the credentials it sends.',
  severity: 'medium',
  cwe: 295,
  remediation: 'Remove `GIT_SSL_NO_VERIFY`, `curl -k` and similar switches; if the server uses a private CA, add the CA certificate (`CI_SERVER_TLS_CA_FILE`, `--cacert`) instead.',
  check: (pipeline) => {
    const variables = allVariables(pipeline)
      .filter((variable) => variable.name === 'GIT_SSL_NO_VERIFY' && /^(?:true|1|yes)$/i.test(variable.value ?? ''))
      .map((variable) => ({ line: variable.line, resource: variable.resource, detail: 'GIT_SSL_NO_VERIFY is set' }));
    const commands = allScriptLines(pipeline).flatMap(({ text, line, resource }): Violation[] => {
      const what = disablesTlsCheck(text);
      return what === undefined ? [] : [{ line, resource, detail: what }];
    });
    return [...variables, ...commands];
  },
};

const DOTENV = /(?:^|\/)\.env(?:\.[^/]*)?$|\.env$/;

const dotenvArtifact: IacRule<Pipeline> = {
  id: 'gitlab-ci-dotenv-artifact',
  title: 'Environment file published as a job artifact',
  description:
    'A `.env` file usually holds credentials. Listed under `artifacts:paths` it is uploaded and downloadable by anyone who can see the pipeline, for the whole artifact lifetime (with `when: always` even from failed jobs).',
  severity: 'low',
  cwe: 538,
  remediation: 'Do not upload `.env` files; pass values to later jobs with `artifacts:reports:dotenv` holding only non-secret values, and keep secrets in masked CI/CD variables.',
  check: (pipeline) =>
    pipeline.jobs.flatMap((job) =>
      (job.node.at('artifacts', 'paths')?.items() ?? []).flatMap((path): Violation[] => {
        const name = path.str();
        return name !== undefined && DOTENV.test(name) ? [{ line: path.line, resource: jobResource(job), detail: `${name} is uploaded` }] : [];
      }),
    ),
};

export const SCRIPT_RULES: readonly IacRule<Pipeline>[] = [secretEchoed, downloadPipedToShell, tlsVerificationDisabled, dotenvArtifact];
