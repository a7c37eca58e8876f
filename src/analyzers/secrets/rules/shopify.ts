import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin';

function shopifyToken(id: string, title: string, prefix: string, description: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[0-9a-fA-F]{32})(?![A-Za-z0-9_])`),
    maxLength: 45,
    minEntropy: 3,
    references: [DOCS],
  });
}

export const shopifyRules: readonly SecretRule[] = [
  shopifyToken(
    'shopify-access-token',
    'Shopify Admin API access token',
    'shpat_',
    'A Shopify Admin API access token (shpat_) calls the Admin API of a store with the app\'s scopes: orders, customers, products and store settings. Uninstall or rotate the app\'s credentials in the store admin (or Partner Dashboard) and keep the new token in a secret store.',
  ),
  shopifyToken(
    'shopify-custom-app-token',
    'Shopify custom app access token',
    'shpca_',
    'A Shopify custom app access token (shpca_) calls the Admin API of the store that installed the custom app, with its scopes. Rotate it by reinstalling the app or revoking its credentials and keep the new token in a secret store.',
  ),
  shopifyToken(
    'shopify-private-app-token',
    'Shopify private app password',
    'shppa_',
    'A Shopify private app password (shppa_) calls the Admin API of a store with the private app\'s permissions. Delete the private app in the store admin (or migrate to a custom app) and keep its replacement in a secret store.',
  ),
  shopifyToken(
    'shopify-shared-secret',
    'Shopify app shared secret',
    'shpss_',
    'A Shopify app shared secret (shpss_) signs and verifies webhooks and OAuth requests for the app; its holder can forge both. Rotate the client secret in the Partner Dashboard and keep it in a secret store.',
  ),
];
