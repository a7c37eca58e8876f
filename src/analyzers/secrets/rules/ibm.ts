import { defineSecretRule, type SecretRule } from '../rule.js';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const ibmRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key',
    description:
      'An IBM Cloud API key logs in as its user or service ID and gets every IAM access that identity has across the account. Delete the key under Manage > Access (IAM) > API keys and use trusted profiles or a secret manager.',
    keywords: ['ibm', 'ic_api', 'bluemix', 'iam_apikey'],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z0-9])(?:ibm[\w.-]{0,20}|ic_|bluemix[\w.-]{0,20})api[_.-]?key[\w.-]{0,10}` +
        SEP +
        // …or the "apikey" of a service credentials JSON, recognised by the iam_* fields that follow it.
        String.raw`|"apikey"\s{0,4}:\s{0,4}"(?=[A-Za-z0-9_-]{44}"[^\n]{0,400}"iam_))` +
        String.raw`(?<secret>[A-Za-z0-9_-]{44})(?![\w-])`,
      'i',
    ),
    maxLength: 500,
    minEntropy: 3.8,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://cloud.ibm.com/docs/account?topic=account-userapikey'],
  }),
];
