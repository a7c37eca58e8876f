import { defineSecretRule, type SecretRule } from '../rule.js';

export const salesforceRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'salesforce-access-token',
    title: 'Salesforce access token (session ID)',
    description:
      'A Salesforce access token or session ID (the 15-character org ID, "!", then a random string) acts as the user it was issued to, with all of their data and permissions in the org, until the session expires or is revoked. Revoke it (log the session out or call the OAuth revoke endpoint), and let the CLI or a secret store hold tokens instead of code and configuration.',
    keywords: ['salesforce', 'sfdc', 'sfdx'],
    // The org-ID prefix alone is common in exports, so Salesforce must be named on the same line.
    pattern:
      /(?:(?<=(?:salesforce|sfdc|sfdx)[^\n]{0,150})|(?=[^\n]{0,300}(?:salesforce|sfdc|sfdx)))(?<![\w.!-])(?<secret>00D[A-Za-z0-9]{12}![A-Za-z0-9._]{60,200})(?![\w.!-])/i,
    maxLength: 360,
    minEntropy: 4,
    references: [
      'https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_existing_access_token.htm',
      'https://help.salesforce.com/apex/HTViewHelpDoc?id=customize_functions_getsessionid.htm',
    ],
  }),
];
