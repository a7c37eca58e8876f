import { headersNamed, type Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

const REF = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#restrict_access_to_cookies';

export const cookieNoHttpOnly = defineDastRule({
  id: 'dast-cookie-no-httponly',
  title: 'Cookie without HttpOnly flag',
  description: 'A cookie is set without the HttpOnly flag, so any script on the page, including an injected one, can read it.',
  severity: 'low',
  cwe: [1004],
  owasp: ['A05:2021'],
  references: [REF],
  remediation: 'Set the HttpOnly attribute on cookies that scripts do not need, session cookies above all.',
});

export const cookieNoSecure = defineDastRule({
  id: 'dast-cookie-no-secure',
  title: 'Cookie without Secure flag',
  description: 'A cookie set over HTTPS lacks the Secure flag, so the browser also sends it over plain HTTP where it can be intercepted.',
  severity: 'low',
  cwe: [614],
  owasp: ['A05:2021'],
  references: [REF],
  remediation: 'Set the Secure attribute on every cookie of an HTTPS site.',
});

export const cookieNoSameSite = defineDastRule({
  id: 'dast-cookie-no-samesite',
  title: 'Cookie without SameSite attribute',
  description: 'A cookie is set without a SameSite attribute (or with SameSite=None), so it is sent with cross-site requests, which helps cross-site request forgery.',
  severity: 'low',
  cwe: [1275],
  owasp: ['A01:2021'],
  references: [REF],
  remediation: 'Set `SameSite=Lax` (or `Strict`) on cookies; use `None` only with `Secure` and only where cross-site use is intended.',
});

export const cookieFlagsCheck: PassiveCheck = {
  family: 'cookie-flags',
  rules: [cookieNoHttpOnly, cookieNoSecure, cookieNoSameSite],
  inspect(exchange: Exchange): PassiveHit[] {
    const hits: PassiveHit[] = [];
    const https = exchange.request.url.toLowerCase().startsWith('https:');
    for (const setCookie of headersNamed(exchange.response, 'set-cookie')) {
      const [pair = '', ...rest] = setCookie.split(';');
      const name = pair.split('=')[0]?.trim() ?? '';
      if (name === '') continue;
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const attributes = rest.map((a) => a.trim().toLowerCase());
      // A cookie being deleted carries nothing worth protecting.
      if (value === '' || attributes.some((a) => a === 'max-age=0')) continue;
      const shown = `Set-Cookie: ${name}=…${rest.length > 0 ? `; ${rest.map((a) => a.trim()).join('; ')}` : ''}`;
      if (!attributes.includes('httponly')) hits.push({ rule: cookieNoHttpOnly, summary: `${shown} (no HttpOnly)`, param: name, per: 'host' });
      if (https && !attributes.includes('secure')) hits.push({ rule: cookieNoSecure, summary: `${shown} (no Secure)`, param: name, per: 'host' });
      const sameSite = attributes.find((a) => a.startsWith('samesite='));
      if (sameSite === undefined || (sameSite === 'samesite=none' && !attributes.includes('secure'))) {
        hits.push({ rule: cookieNoSameSite, summary: `${shown} (${sameSite === undefined ? 'no SameSite' : 'SameSite=None without Secure'})`, param: name, per: 'host' });
      }
    }
    return hits;
  },
};
