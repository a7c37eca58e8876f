import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://fly.io/docs/security/tokens/';
const MACAROON = String.raw`fm(?:1[ar]|2)_[A-Za-z0-9+/]{64,2000}={0,2}`;

export const flyRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'fly-access-token',
    title: 'Fly.io access token',
    description:
      'A Fly.io user access token (fo1_) manages every app, machine, volume and secret of the user’s organizations. Revoke it with `fly tokens revoke` or in the dashboard and use narrowly scoped deploy tokens.',
    keywords: ['fo1_'],
    pattern: /(?<![\w-])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![\w-])/,
    maxLength: 47,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'fly-macaroon-token',
    title: 'Fly.io macaroon token',
    description:
      'A Fly.io macaroon token (FlyV1 fm2_…, from `fly tokens create`) deploys or manages the apps and organizations its caveats allow. Revoke it with `fly tokens revoke` and keep it in the CI secret store.',
    keywords: ['fm1a_', 'fm1r_', 'fm2_'],
    // Tokens are often a comma-separated list of macaroons: report the list once.
    // The first macaroon is the secret. Its header usually holds a run of `A`s (fm2_lJPECAAAAAAAF…) that the
    // engine's placeholder filter would reject, so the secret starts after that run.
    pattern: new RegExp(
      String.raw`(?<![\w/+-])fm(?:1[ar]|2)_(?:[A-Za-z0-9+/]{0,16}?A{5,16})?(?<secret>[A-Za-z0-9+/]{48,2000}={0,2})(?:,${MACAROON}){0,3}(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 8100,
    minEntropy: 4,
    references: [DOCS],
  }),
];
