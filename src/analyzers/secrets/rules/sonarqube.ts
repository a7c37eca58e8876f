import { ASSIGN, WELL_KNOWN_HASHES } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/';



function prefixedToken(id: string, title: string, prefix: string, description: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[0-9a-f]{40})(?![A-Za-z0-9_-])`),
    maxLength: 50,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  });
}

export const sonarqubeRules: readonly SecretRule[] = [
  prefixedToken(
    'sonarqube-user-token',
    'SonarQube user token',
    'squ_',
    'A SonarQube user token calls the web API and runs analyses with all the permissions of its user. Revoke it under My Account > Security and keep the replacement in the CI secret store.',
  ),
  prefixedToken(
    'sonarqube-project-token',
    'SonarQube project analysis token',
    'sqp_',
    'A SonarQube project analysis token runs analyses and uploads results for one project. Revoke it under My Account > Security and keep the replacement in the CI secret store.',
  ),
  prefixedToken(
    'sonarqube-global-token',
    'SonarQube global analysis token',
    'sqa_',
    'A SonarQube global analysis token runs analyses and uploads results for every project its owner can analyse. Revoke it under My Account > Security and keep the replacement in the CI secret store.',
  ),
  defineSecretRule({
    id: 'sonarqube-token-legacy',
    title: 'SonarQube or SonarCloud token (unprefixed)',
    description:
      'A 40-hex-digit SonarQube (pre-9.5) or SonarQube Cloud token passed as sonar.token, sonar.login or SONAR_TOKEN. It runs analyses and calls the web API as its user. Revoke it under My Account > Security and keep the replacement in the CI secret store.',
    keywords: ['sonar'],
    pattern: new RegExp(
      `\\bsonar(?:qube|cloud)?[\\w.-]{0,20}?(?:token|login)[\\w-]{0,10}${ASSIGN}(?<secret>[0-9a-f]{40})(?![0-9A-Za-z_-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    allowValues: WELL_KNOWN_HASHES,
    confidence: 'medium',
    references: [TOKEN_DOCS, 'https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/managing-tokens/'],
  }),
];
