import { requestWith } from '../active/target.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const crlfInjection = defineDastRule({
  id: 'dast-crlf-injection',
  title: 'CRLF injection / HTTP response header injection',
  description: 'A parameter is written into a response header without removing line breaks, so an attacker can add headers (cookies, redirects) or split the response.',
  severity: 'medium',
  cwe: [113],
  owasp: ['A03:2021'],
  references: ['https://owasp.org/www-community/vulnerabilities/CRLF_Injection'],
  remediation: 'Reject or strip CR and LF characters from any value put into a header; use the framework\'s header API, which refuses them.',
});

export const crlfCheck: ActiveCheck = {
  family: 'crlf',
  rules: [crlfInjection],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    const m = ctx.marker();
    const name = `x-bwk-${m}`;
    for (const payload of [`${point.original}\r\n${name}: injected`, `${point.original}%0d%0a${name}:%20injected`, `${point.original}\n${name}: injected`]) {
      const exchange = await ctx.send(requestWith(point.target, point, payload));
      if (exchange?.response.headers.some(([key]) => key === name)) {
        return [{ rule: crlfInjection, summary: `${JSON.stringify(payload)} added the response header ${name}`, exchange }];
      }
    }
    return [];
  },
};
