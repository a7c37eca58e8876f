import { ASSIGN, WELL_KNOWN_HASHES } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://buildkite.com/docs/platform/security/tokens';
const API_TOKEN_DOCS = 'https://buildkite.com/docs/apis/managing-api-tokens';


/** Newer Buildkite tokens carry a short base64 shard marker after the prefix, such as `MTA.`. */
const SHARD = '(?:[A-Za-z0-9]{2,8}\\.)?';

export const buildkiteRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    description:
      'A Buildkite API access token calls the REST and GraphQL APIs as its user, within its scopes and organizations: it can read builds, logs and pipelines and create or cancel builds. Revoke it under Personal settings > API access tokens and keep the replacement in a secret store.',
    keywords: ['bkua_'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>bkua_${SHARD}[0-9a-f]{40})(?![A-Za-z0-9_-])`),
    maxLength: 64,
    minEntropy: 3,
    references: [TOKEN_DOCS, API_TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'buildkite-agent-session-token',
    title: 'Buildkite agent session token',
    description:
      'A Buildkite agent session token is what a registered agent uses to accept and run jobs; whoever holds it can impersonate the agent and receive job secrets. Stop the agent (which ends the session) and rotate the agent token it registered with.',
    keywords: ['bkaa_'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>bkaa_${SHARD}[A-Za-z0-9]{40,100})(?![A-Za-z0-9_-])`),
    maxLength: 120,
    minEntropy: 3.5,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'buildkite-agent-token',
    title: 'Buildkite agent registration token',
    description:
      'A Buildkite agent token (cluster agent token or unclustered registration token) registers new agents, which then receive jobs and their secrets. Revoke it on the cluster Agent Tokens page (or the unclustered tokens page) and issue a new one through a secret store.',
    keywords: ['bkct_', 'bkar_'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>bk(?:ct|ar)_${SHARD}[A-Za-z0-9]{40,100})(?![A-Za-z0-9_-])`),
    maxLength: 120,
    minEntropy: 3.5,
    confidence: 'medium',
    references: [TOKEN_DOCS, 'https://buildkite.com/docs/agent/v3/tokens'],
  }),
  defineSecretRule({
    id: 'buildkite-api-token-legacy',
    title: 'Buildkite API access token (unprefixed)',
    description:
      'A 40-hex-digit Buildkite API access token from before the bkua_ prefix, assigned to a Buildkite token setting. It calls the Buildkite APIs as its user. Revoke it under Personal settings > API access tokens and keep the replacement in a secret store.',
    keywords: ['buildkite'],
    pattern: new RegExp(
      `\\bbuildkite[\\w.-]{0,25}?(?:api[_.-]?)?(?:access[_.-]?)?token[\\w-]{0,10}${ASSIGN}(?<secret>[0-9a-f]{40})(?![0-9A-Za-z_-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    allowValues: WELL_KNOWN_HASHES,
    confidence: 'medium',
    references: [API_TOKEN_DOCS],
  }),
];
