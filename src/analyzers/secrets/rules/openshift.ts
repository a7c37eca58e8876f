import { defineSecretRule, type SecretRule } from '../rule.js';

export const openshiftRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'openshift-user-token',
    title: 'OpenShift OAuth access token',
    description:
      'An OpenShift OAuth access token (sha256~) authenticates to the cluster API as its user, with every role that user holds. Delete the token object (`oc delete oauthaccesstoken`) or log the session out, and use service account tokens bound to short lifetimes.',
    keywords: ['sha256~'],
    pattern: /(?<![\w~-])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![\w-])/,
    maxLength: 50,
    minEntropy: 3.5,
    references: ['https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html'],
  }),
];
