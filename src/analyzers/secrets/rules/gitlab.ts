import { crc32 } from 'node:zlib';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.gitlab.com/security/tokens/#token-prefixes';
const ROUTABLE_DOCS = 'https://handbook.gitlab.com/handbook/engineering/architecture/design-documents/cells/routable_tokens/';

/** Characters GitLab uses in the random part of its tokens (Devise friendly tokens and base64url). */
const BODY = '[A-Za-z0-9_-]';
/**
 * Routable tokens (GitLab 17.x and later): `<prefix><base64url payload>.01.<2 base36 payload length><7 base36 CRC32>`.
 * The payload is at least 27 characters (16 random bytes plus routing data).
 */
const ROUTABLE = `${BODY}{27,320}\\.01\\.[0-9a-z]{9}`;
const END = `(?!${BODY})`;

/** Words that turn a token-shaped value into an instruction ("glpat-REPLACE_WITH_TOKEN"); random bodies almost never contain them. */
const PLACEHOLDER_WORDS = /token|secret|here|replace|change|insert|paste|value|access/i;

/**
 * A routable token must carry the CRC32 (base36, 7 digits) of everything before it. A legacy token has no
 * checksum; it is only refused when its body spells out an instruction instead of random characters.
 */
function isPlausibleToken(token: string): boolean {
  if (!/\.01\.[0-9a-z]{9}$/.test(token)) return !PLACEHOLDER_WORDS.test(token.slice(token.indexOf('-') + 1));
  // `<prefix><payload>.01.<length><crc>`: the length field counts the payload characters.
  const payloadLength = Number.parseInt(token.slice(-9, -7), 36);
  if (!(payloadLength >= 27) || token.length - 13 <= payloadLength) return false;
  return (crc32(token.slice(0, -7)) >>> 0).toString(36).padStart(7, '0') === token.slice(-7);
}

interface TokenSpec {
  readonly id: string;
  readonly title: string;
  readonly prefix: string;
  /** Regex source of the legacy (non-routable) body. */
  readonly legacy: string;
  readonly routable: boolean;
  readonly grants: string;
  readonly revoke: string;
  readonly minEntropy?: number;
  readonly maxLength?: number;
}

function prefixedToken(spec: TokenSpec): SecretRule {
  const body = spec.routable ? `(?:${ROUTABLE}|${spec.legacy})` : spec.legacy;
  return defineSecretRule({
    id: spec.id,
    title: spec.title,
    description: `${spec.grants} ${spec.revoke} Keep the replacement in a secret store or masked CI/CD variable, not in the repository.`,
    keywords: [spec.prefix.toLowerCase()],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${spec.prefix}${body})${END}`),
    maxLength: spec.maxLength ?? (spec.routable ? 360 : 120),
    minEntropy: spec.minEntropy ?? 3,
    accept: isPlausibleToken,
    references: spec.routable ? [TOKEN_DOCS, ROUTABLE_DOCS] : [TOKEN_DOCS],
  });
}

export const gitlabRules: readonly SecretRule[] = [
  prefixedToken({
    id: 'gitlab-pat',
    title: 'GitLab personal, project or group access token',
    prefix: 'glpat-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab access token (personal, impersonation, project or group) calls the API and reads or writes repositories and registries with its scopes.',
    revoke: 'Revoke it under Access tokens in the user, project or group settings (or through the API) and issue a new one.',
  }),
  prefixedToken({
    id: 'gitlab-oauth-app-secret',
    title: 'GitLab OAuth application secret',
    prefix: 'gloas-',
    legacy: `${BODY}{64}`,
    routable: false,
    grants: 'A GitLab OAuth application secret lets its holder act as the application and exchange authorization codes for user tokens.',
    revoke: 'Renew the secret on the application page under Applications.',
  }),
  prefixedToken({
    id: 'gitlab-deploy-token',
    title: 'GitLab deploy token',
    prefix: 'gldt-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab deploy token clones or pushes repositories and pulls or pushes container and package registry content.',
    revoke: 'Revoke it under Settings > Repository > Deploy tokens.',
  }),
  prefixedToken({
    id: 'gitlab-runner-auth-token',
    title: 'GitLab runner authentication token',
    prefix: 'glrt-',
    legacy: `(?:t[0-9a-f]_)?${BODY}{20}`,
    routable: true,
    grants: 'A GitLab runner authentication token lets a machine pose as the runner and pick up CI/CD jobs, with their variables and job tokens.',
    revoke: 'Delete or reset the runner in the CI/CD settings and register it again.',
  }),
  prefixedToken({
    id: 'gitlab-runner-auth-token-legacy',
    title: 'GitLab runner authentication token (registered with a registration token)',
    prefix: 'glrtr-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab runner authentication token lets a machine pose as the runner and pick up CI/CD jobs, with their variables and job tokens.',
    revoke: 'Delete or reset the runner in the CI/CD settings and register it again with the new runner creation workflow.',
  }),
  prefixedToken({
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token',
    prefix: 'GR1348941',
    legacy: `${BODY}{20}`,
    routable: false,
    grants: 'A GitLab runner registration token registers new runners to an instance, group or project, which then receive its CI/CD jobs.',
    revoke: 'Reset the registration token in the CI/CD runner settings; prefer runner authentication tokens.',
  }),
  defineSecretRule({
    id: 'gitlab-ci-job-token',
    title: 'GitLab CI/CD job token',
    description:
      'A GitLab CI/CD job token calls part of the API and reads repositories and packages while its job runs. It expires with the job, but a leaked one in logs or artifacts should be treated as exposed: cancel the job and check what it could reach.',
    keywords: ['glcbt-'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<secret>glcbt-(?:[0-9A-Za-z]{1,5}_${BODY}{20}|eyJ${BODY}{10,600}\\.eyJ${BODY}{10,2400}\\.${BODY}{20,800}))${END}`,
    ),
    maxLength: 3900,
    minEntropy: 3,
    references: [TOKEN_DOCS, 'https://docs.gitlab.com/ci/jobs/ci_job_token/'],
  }),
  prefixedToken({
    id: 'gitlab-pipeline-trigger-token',
    title: 'GitLab pipeline trigger token',
    prefix: 'glptt-',
    legacy: '[0-9a-f]{40}',
    routable: false,
    minEntropy: 2.8,
    grants: 'A GitLab pipeline trigger token starts pipelines on any branch or tag of its project, with the permissions of its owner.',
    revoke: 'Revoke it under Settings > CI/CD > Pipeline trigger tokens and create a new one.',
  }),
  prefixedToken({
    id: 'gitlab-feed-token',
    title: 'GitLab feed token',
    prefix: 'glft-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab feed token reads RSS/Atom and calendar feeds, which can reveal issue and activity data of private projects.',
    revoke: 'Reset it under User settings > Access tokens > Feed token.',
  }),
  defineSecretRule({
    id: 'gitlab-incoming-mail-token',
    title: 'GitLab incoming email token',
    description:
      'A GitLab incoming email token lets anyone who knows it create issues and merge requests by email as its user. Reset it from the user access token settings (or the email-a-new-issue dialog) and keep project email addresses out of public files.',
    keywords: ['glimt-'],
    // Often embedded in an address such as incoming+group-project-42-glimt-…-issue@…, so only letters and digits bound it.
    pattern: /(?<![A-Za-z0-9])(?<secret>glimt-[0-9A-Za-z_-]{20,25})(?![0-9a-zA-Z])/,
    maxLength: 40,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
  prefixedToken({
    id: 'gitlab-agent-token',
    title: 'GitLab agent for Kubernetes token',
    prefix: 'glagent-',
    legacy: `${BODY}{50}`,
    routable: true,
    grants: 'A GitLab agent for Kubernetes token connects an agent to GitLab as that cluster agent, receiving its configuration and CI/CD access.',
    revoke: 'Revoke the token on the agent page under Operate > Kubernetes clusters and install a new one.',
  }),
  prefixedToken({
    id: 'gitlab-scim-token',
    title: 'GitLab SCIM token',
    prefix: 'glsoat-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab SCIM token provisions and deprovisions users of a group or instance.',
    revoke: 'Reset the SCIM token in the group SAML SSO settings (or instance SCIM settings).',
  }),
  prefixedToken({
    id: 'gitlab-feature-flags-client-token',
    title: 'GitLab feature flags client token',
    prefix: 'glffct-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab feature flags client token reads the feature flag configuration of a project through its Unleash endpoint.',
    revoke: 'Reset the instance ID/token under Deploy > Feature flags > Configure.',
  }),
  prefixedToken({
    id: 'gitlab-workspace-token',
    title: 'GitLab workspace token',
    prefix: 'glwt-',
    legacy: `${BODY}{20}`,
    routable: true,
    grants: 'A GitLab workspace token opens HTTP and SSH connections to a running remote development workspace.',
    revoke: 'Stop or restart the workspace to replace its token.',
  }),
  defineSecretRule({
    id: 'gitlab-session-cookie',
    title: 'GitLab session cookie',
    description:
      'A GitLab session cookie is a logged-in browser session: whoever holds it acts as the user in the web UI until it expires. Sign the user out of all sessions (or revoke the session under Active sessions) and remove the captured request.',
    keywords: ['_gitlab_session='],
    pattern: /\b_gitlab_session=(?<secret>[0-9a-z]{32})(?![0-9A-Za-z])/,
    maxLength: 60,
    minEntropy: 2.8,
    references: [TOKEN_DOCS],
  }),
];
