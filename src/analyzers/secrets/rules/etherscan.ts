import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

/** Case-insensitive literal in a case-sensitive pattern (the key itself is upper-case). */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`);
}

export const etherscanRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'etherscan-api-key',
    title: 'Etherscan API key',
    description:
      'An Etherscan API key (34 upper-case letters and digits) spends the account\'s API plan on every chain Etherscan serves and is tied to the account that created it; a leaked key gets rate-limited or billed on your behalf. Remove it on the API dashboard of the Etherscan account, add a new one and keep it in a secret store or CI secret.',
    keywords: ['etherscan'],
    // `ETHERSCAN_API_KEY=…`, Hardhat `etherscan: { apiKey: "…" }`, or `apikey=` in an api.etherscan.io URL.
    pattern: new RegExp(
      String.raw`${ci('etherscan')}(?:[\w.-]{0,30}${ASSIGN}(?:\{\s{0,3}${ci('apikey')}\s{0,3}:\s{0,3}['"]?)?|\.io\/[^\s'"<>]{0,200}?[?&]${ci('apikey')}=)(?<secret>[A-Z0-9]{34})(?![\w-])`,
    ),
    maxLength: 280,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://docs.etherscan.io/set-up-your-api-key', 'https://docs.etherscan.io/getting-started/'],
  }),
];
