import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const hubspotRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app access token',
    description:
      'A HubSpot private app access token (pat-<region>-<uuid>) calls the CRM APIs with every scope granted to the private app: contacts, deals, tickets, files. Rotate it on the private app\'s Auth tab and keep it in a secret store.',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>pat-(?:na|eu|ap)[0-9]-${UUID})(?![\w-])`),
    maxLength: 50,
    minEntropy: 3,
    references: ['https://developers.hubspot.com/docs/api/private-apps'],
  }),
  defineSecretRule({
    id: 'hubspot-api-key',
    title: 'HubSpot legacy API key',
    description:
      'A HubSpot API key (hapikey) gave full access to a portal\'s CRM data; HubSpot has retired the scheme, but a leaked key shows where a credential was handled in code. Deactivate it in the account settings and use a private app token kept in a secret store.',
    keywords: ['hapikey', 'hubspot'],
    pattern: new RegExp(
      String.raw`(?:hapikey|hubspot[\w.-]{0,20}api[_.-]?key)['"]?\s{0,3}(?:=>|[:=])\s{0,3}['"]?(?<secret>${UUID})(?![\w-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    references: ['https://developers.hubspot.com/changelog/upcoming-api-key-sunset'],
  }),
];
