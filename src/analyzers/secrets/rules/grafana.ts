import { defineSecretRule, type SecretRule } from '../rule.js';

export const grafanaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    description:
      'A Grafana Cloud access policy token (glc_) writes or reads metrics, logs and traces, or manages the stack, as its access policy allows. Delete the token in the Cloud portal under Access Policies and keep it in a secret store.',
    keywords: ['glc_'],
    pattern: /(?<![\w-])(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])/,
    maxLength: 410,
    minEntropy: 4,
    references: ['https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/'],
  }),
  defineSecretRule({
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    description:
      'A Grafana service account token (glsa_) calls the Grafana HTTP API with the role of its service account: dashboards, data sources and their credentials, alerting. Delete it on the service account page and rotate it through a secret store.',
    keywords: ['glsa_'],
    pattern: /(?<![\w-])(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![\w-])/,
    maxLength: 46,
    minEntropy: 3.5,
    references: ['https://grafana.com/docs/grafana/latest/administration/service-accounts/'],
  }),
  defineSecretRule({
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    description:
      'A legacy Grafana API key (base64 JSON starting eyJrIjoi) calls the Grafana HTTP API with its Viewer, Editor or Admin role. Delete it, migrate to service account tokens, and keep credentials in a secret store.',
    keywords: ['eyjrijoi'],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>eyJrIjoi[A-Za-z0-9+/]{40,200}={0,2})(?![A-Za-z0-9+/=])/,
    maxLength: 210,
    minEntropy: 4,
    references: ['https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/'],
  }),
];
