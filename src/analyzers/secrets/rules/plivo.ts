import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

function randomToken(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);
}

export const plivoRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'plivo-auth-token',
    title: 'Plivo auth token',
    description:
      'A Plivo auth token is the password of the account (or subaccount) for the Plivo REST API: with the auth ID it sends SMS and places calls at the account\'s expense and reads call and message records. Change the auth token from the Plivo console overview page and keep it in a secret store.',
    keywords: ['plivo'],
    // `PLIVO_AUTH_TOKEN=…`, `plivo.RestClient(auth_id=…, auth_token='…')`, or `plivo.RestClient('MA…', '…')`.
    pattern: new RegExp(
      String.raw`(?:plivo[^\n]{0,60}?token\w{0,10}${ASSIGN}|plivo[\w.]{0,30}\(\s{0,3}['"][MS]A[A-Z0-9]{18}['"]\s{0,3},\s{0,3}['"])(?<secret>[A-Za-z0-9]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 130,
    minEntropy: 3.5,
    accept: randomToken,
    references: ['https://www.plivo.com/docs/', 'https://support.plivo.com/hc/en-us/articles/360041731231-How-can-I-change-my-Auth-ID-or-Auth-Token'],
  }),
];
