import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const alibabaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    description:
      'An Alibaba Cloud AccessKey ID (LTAI…) identifies a RAM credential whose AccessKey secret is usually stored beside it. Disable the AccessKey pair in the RAM console and use RAM roles or STS tokens from a secret store.',
    keywords: ['ltai'],
    pattern: /(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/,
    maxLength: 30,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    description:
      'An Alibaba Cloud AccessKey secret signs API requests with all the permissions of its RAM user. Disable and delete the AccessKey pair in the RAM console, audit ActionTrail, and load credentials from a secret store.',
    keywords: ['ltai', 'alibaba', 'aliyun', 'alicloud', 'oss', 'accesskeysecret', 'access_key_secret', 'accesskey_secret', 'access_keysecret'],
    pattern: new RegExp(
      String.raw`(?:(?:(?<![A-Za-z0-9])(?:ali(?:baba|yun|cloud)|oss)[\w.-]{0,30}(?:secret|sk)[\w.-]{0,20}|(?<![\w.-])access_?key_?secret[\w.-]{0,10})` +
        SEP +
        // …or the argument after a quoted AccessKey ID: oss2.Auth('LTAI…', '…').
        String.raw`|(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}["'\x60]\s{0,4},\s{0,4}["'\x60])(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])`,
      'i',
    ),
    maxLength: 120,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    references: [DOCS],
  }),
];
