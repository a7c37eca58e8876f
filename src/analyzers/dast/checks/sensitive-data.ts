import { maskSecret } from '../../secrets/engine/mask.js';
import { compileSecretMatcher, type SecretHit, type SecretMatcher } from '../../secrets/engine/scan-text.js';
import { SECRET_RULES } from '../../secrets/rules/index.js';
import type { Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

export const secretInResponse = defineDastRule({
  id: 'dast-secret-in-response',
  title: 'Secret or private key in a response',
  description: 'A response contains a credential (a private key, a cloud access key, an API token) that anyone who can load the page can read and use.',
  severity: 'high',
  cwe: [200, 798],
  owasp: ['A01:2021'],
  references: ['https://cwe.mitre.org/data/definitions/200.html'],
  remediation: 'Remove the secret from the response, revoke it and issue a new one; keep secrets on the server side only.',
});

export const emailDisclosure = defineDastRule({
  id: 'dast-email-disclosure',
  title: 'E-mail address disclosed',
  description: 'A response contains an e-mail address; it may help spam or social engineering. Informational.',
  severity: 'info',
  confidence: 'medium',
  cwe: [200],
  owasp: ['A01:2021'],
  remediation: 'Check that the address is meant to be public.',
});

export const privateIpDisclosure = defineDastRule({
  id: 'dast-private-ip-disclosure',
  title: 'Private IP address disclosed',
  description: 'A response contains an internal (RFC 1918) IP address, which tells an attacker about the internal network. Informational.',
  severity: 'info',
  confidence: 'medium',
  cwe: [200],
  owasp: ['A01:2021'],
  remediation: 'Remove internal addresses from responses and error messages.',
});

// Provider rules only: the generic "secret-looking assignment" rules misfire on CSRF tokens and nonces in HTML.
let matcher: SecretMatcher | undefined;
function findSecrets(text: string): SecretHit[] {
  matcher ??= compileSecretMatcher(SECRET_RULES.filter((rule) => rule.isGeneric !== true && rule.meta.deprecated !== true));
  const bytes = Buffer.from(text, 'latin1');
  return matcher.find(bytes, () => bytes.toString('latin1')).filter((hit) => hit.rule.accept?.(hit.secret) ?? true);
}

/** `text` with every credential the secret rules recognise masked, for evidence that is shared. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const hit of findSecrets(text)) if (hit.secret.length >= 8) out = out.split(hit.secret).join(maskSecret(hit.secret));
  return out;
}

const EMAIL = /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b/;
const PRIVATE_IP = /\b(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})\b/;
const MAX_SCANNED = 500_000;

export const sensitiveDataCheck: PassiveCheck = {
  family: 'sensitive-data',
  rules: [secretInResponse, emailDisclosure, privateIpDisclosure],
  inspect(exchange: Exchange): PassiveHit[] {
    const body = exchange.response.body.slice(0, MAX_SCANNED);
    if (body === '') return [];
    const hits: PassiveHit[] = [];
    for (const hit of findSecrets(body).slice(0, 5)) {
      hits.push({ rule: secretInResponse, summary: `${hit.rule.meta.title}: ${maskSecret(hit.secret)}`, param: hit.rule.meta.id, per: 'path' });
    }
    const email = EMAIL.exec(body);
    if (email && !/\.(png|jpe?g|gif|svg|webp|css|js)$/i.test(email[0]) && !/@example\.(com|org|net)$/i.test(email[0])) hits.push({ rule: emailDisclosure, summary: `E-mail address: ${email[0]}`, param: email[0], per: 'path' });
    const ip = PRIVATE_IP.exec(body);
    if (ip) hits.push({ rule: privateIpDisclosure, summary: `Private IP address: ${ip[0]}`, param: ip[0], per: 'path' });
    return hits;
  },
};
