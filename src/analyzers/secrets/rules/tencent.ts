import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://www.tencentcloud.com/document/product/598/32675';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const tencentRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'tencent-secret-id',
    title: 'Tencent Cloud SecretId',
    description:
      'A Tencent Cloud SecretId (AKID…) names an API key pair whose SecretKey is usually stored alongside it. Disable and delete the key in the CAM console and use roles or temporary credentials.',
    keywords: ['akid'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
    maxLength: 40,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'tencent-secret-key',
    title: 'Tencent Cloud SecretKey',
    description:
      'A Tencent Cloud SecretKey signs API requests with the permissions of its CAM user. Disable and delete the key pair in the CAM console, review CloudAudit, and keep credentials in a secret store.',
    keywords: ['tencent', 'qcloud', 'tccli', 'akid'],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z0-9])(?:tencent(?:cloud)?|qcloud|tccli)[\w.-]{0,20}secret[_.-]?key[\w.-]{0,10}` +
        SEP +
        // …or the argument after a quoted SecretId: Credential("AKID…", "…").
        String.raw`|(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}["'\x60]\s{0,4},\s{0,4}["'\x60])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    references: [DOCS],
  }),
];
