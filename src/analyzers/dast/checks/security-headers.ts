import { header, isHtml, type Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

const OWASP = ['A05:2021'];
const REF_HEADERS = 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html';

export const cspMissing = defineDastRule({
  id: 'dast-csp-missing',
  title: 'Content-Security-Policy header missing',
  description: 'HTML pages are served without a Content-Security-Policy, so a browser has no second line of defence against injected scripts (XSS) and framing.',
  severity: 'medium',
  cwe: [693],
  owasp: OWASP,
  references: [REF_HEADERS],
  remediation: "Send a Content-Security-Policy on every HTML response, for example `default-src 'self'; frame-ancestors 'none'`.",
});

export const cspWeak = defineDastRule({
  id: 'dast-csp-weak',
  title: 'Content-Security-Policy allows unsafe script sources',
  description: "The Content-Security-Policy allows scripts from anywhere (`*`, `http:`, `https:`, `data:`) or inline scripts (`'unsafe-inline'` without a nonce or hash) or `'unsafe-eval'`, so it does not stop injected scripts.",
  severity: 'medium',
  cwe: [693],
  owasp: OWASP,
  references: ['https://csp-evaluator.withgoogle.com/'],
  remediation: "Remove wildcard, scheme-only, `'unsafe-inline'` and `'unsafe-eval'` script sources; use nonces or hashes for inline scripts.",
});

export const hstsMissing = defineDastRule({
  id: 'dast-hsts-missing',
  title: 'Strict-Transport-Security header missing',
  description: 'The HTTPS site does not send Strict-Transport-Security, so a browser may be downgraded to plain HTTP by an attacker on the network.',
  severity: 'low',
  cwe: [319],
  owasp: OWASP,
  references: [REF_HEADERS],
  remediation: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on HTTPS responses.',
});

export const noSniffMissing = defineDastRule({
  id: 'dast-x-content-type-options-missing',
  title: 'X-Content-Type-Options header missing',
  description: 'Responses are served without `X-Content-Type-Options: nosniff`, so browsers may sniff a different content type than declared and run uploaded content as script or HTML.',
  severity: 'low',
  cwe: [693],
  owasp: OWASP,
  references: [REF_HEADERS],
  remediation: 'Send `X-Content-Type-Options: nosniff` on every response.',
});

export const frameMissing = defineDastRule({
  id: 'dast-frame-protection-missing',
  title: 'Clickjacking protection missing',
  description: 'HTML pages set neither X-Frame-Options nor a CSP frame-ancestors directive, so another site can frame them and trick users into clicks (clickjacking).',
  severity: 'medium',
  cwe: [1021],
  owasp: OWASP,
  references: [REF_HEADERS],
  remediation: "Send `Content-Security-Policy: frame-ancestors 'self'` (or `X-Frame-Options: DENY`).",
});

function scriptSources(csp: string): string[] | undefined {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '' && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives.get('script-src') ?? directives.get('default-src');
}

/** Why a CSP fails to restrict scripts, or undefined when it restricts them. */
export function weakCspReason(csp: string): string | undefined {
  const sources = scriptSources(csp);
  if (sources === undefined) return 'no script-src or default-src directive';
  const lower = sources.map((s) => s.toLowerCase());
  const hasNonceOrHash = lower.some((s) => /^'(nonce-|sha(256|384|512)-)/.test(s));
  const loose = lower.find((s) => s === '*' || s === 'http:' || s === 'https:' || s === 'data:');
  if (loose !== undefined) return `script sources allow ${loose}`;
  if (lower.includes("'unsafe-inline'") && !hasNonceOrHash && !lower.includes("'strict-dynamic'")) return "script sources allow 'unsafe-inline'";
  if (lower.includes("'unsafe-eval'")) return "script sources allow 'unsafe-eval'";
  return undefined;
}

export const securityHeadersCheck: PassiveCheck = {
  family: 'security-headers',
  rules: [cspMissing, cspWeak, hstsMissing, noSniffMissing, frameMissing],
  inspect(exchange: Exchange): PassiveHit[] {
    const res = exchange.response;
    if (res.status < 200 || res.status >= 300) return [];
    const hits: PassiveHit[] = [];
    const html = isHtml(res);
    const csp = header(res, 'content-security-policy');
    if (html) {
      if (csp === undefined) hits.push({ rule: cspMissing, summary: 'HTML response without Content-Security-Policy', param: 'Content-Security-Policy', per: 'host' });
      else {
        const reason = weakCspReason(csp);
        if (reason !== undefined) hits.push({ rule: cspWeak, summary: `Content-Security-Policy "${csp}": ${reason}`, param: 'Content-Security-Policy', per: 'host' });
      }
      const frameAncestors = csp !== undefined && /(^|;)\s*frame-ancestors\s/i.test(csp);
      if (header(res, 'x-frame-options') === undefined && !frameAncestors) {
        hits.push({ rule: frameMissing, summary: 'HTML response without X-Frame-Options or CSP frame-ancestors', param: 'X-Frame-Options', per: 'host' });
      }
    }
    if (res.body.length > 0 && (header(res, 'x-content-type-options') ?? '').toLowerCase().trim() !== 'nosniff') {
      hits.push({ rule: noSniffMissing, summary: 'Response without X-Content-Type-Options: nosniff', param: 'X-Content-Type-Options', per: 'host' });
    }
    if (exchange.request.url.toLowerCase().startsWith('https:') && header(res, 'strict-transport-security') === undefined) {
      hits.push({ rule: hstsMissing, summary: 'HTTPS response without Strict-Transport-Security', param: 'Strict-Transport-Security', per: 'host' });
    }
    return hits;
  },
};
