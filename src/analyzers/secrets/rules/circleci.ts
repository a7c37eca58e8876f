import { ASSIGN, WELL_KNOWN_HASHES } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const API_TOKEN_DOCS = 'https://circleci.com/docs/managing-api-tokens/';



function prefixedToken(id: string, title: string, prefix: string, description: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[A-Za-z0-9]{22}_[0-9a-f]{40})(?![A-Za-z0-9_-])`),
    maxLength: 80,
    minEntropy: 3.5,
    references: [API_TOKEN_DOCS],
  });
}

export const circleciRules: readonly SecretRule[] = [
  prefixedToken(
    'circleci-personal-token',
    'CircleCI personal API token',
    'CCIPAT_',
    'A CircleCI personal API token calls the CircleCI API as its user: it can read project settings and environment variable names, trigger pipelines and rerun jobs with SSH. Delete it under User settings > Personal API tokens and keep the replacement in a secret store.',
  ),
  prefixedToken(
    'circleci-project-token',
    'CircleCI project API token',
    'CCIPRJ_',
    'A CircleCI project API token calls the CircleCI API for one project, for example to trigger pipelines or read build status. Delete it under Project settings > API permissions and store the replacement outside the repository.',
  ),
  defineSecretRule({
    id: 'circleci-token-legacy',
    title: 'CircleCI API token (unprefixed)',
    description:
      'A 40-hex-digit CircleCI API token from before the CCIPAT_/CCIPRJ_ prefixes, assigned to a CircleCI token setting or sent as Circle-Token. It calls the CircleCI API as its user or project. Delete it in the CircleCI token settings and keep the replacement in a secret store.',
    keywords: ['circle'],
    pattern: new RegExp(
      `\\bcircle(?:ci)?[\\w.-]{0,25}?(?:token|api[_.-]?key)[\\w-]{0,10}${ASSIGN}(?<secret>[0-9a-f]{40})(?![0-9A-Za-z_-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    allowValues: WELL_KNOWN_HASHES,
    confidence: 'medium',
    references: [API_TOKEN_DOCS],
  }),
];
