import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const launchdarklyRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'launchdarkly-sdk-key',
    title: 'LaunchDarkly server-side SDK key',
    description:
      'A LaunchDarkly server-side SDK key (sdk-) downloads every flag and segment rule of its environment, including targeting on user attributes, and must never reach a client. Reset it in the environment\'s settings and keep it in a secret store.',
    keywords: ['sdk-'],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>sdk-${UUID})(?![\w-])`),
    maxLength: 45,
    minEntropy: 3,
    references: ['https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys'],
  }),
  defineSecretRule({
    id: 'launchdarkly-access-token',
    title: 'LaunchDarkly API access token',
    description:
      'A LaunchDarkly API access token (api-) calls the REST API with its role: it can change flags, targeting and projects in production. Reset or delete the token under Organization settings > Authorization and keep it in a secret store.',
    keywords: ['launchdarkly', 'ld_', 'ld-'],
    // `api-<uuid>` is common outside LaunchDarkly, so a LaunchDarkly name must be on the same line.
    pattern: onLineWith(String.raw`launchdarkly|\bld[_-]`, 'launchdarkly', `api-${UUID}`),
    maxLength: 180,
    minEntropy: 3,
    accept: (secret) => secret === secret.toLowerCase(),
    references: ['https://docs.launchdarkly.com/home/account/api'],
  }),
];
