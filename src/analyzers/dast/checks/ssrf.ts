import { requestWith } from '../active/target.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const ssrf = defineDastRule({
  id: 'dast-ssrf',
  title: 'Server-side request forgery (SSRF)',
  description: 'The server fetches a URL taken from a parameter, so an attacker can make it reach internal services, cloud metadata endpoints and other hosts behind the firewall.',
  severity: 'high',
  cwe: [918],
  owasp: ['A10:2021'],
  references: ['https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html'],
  remediation: 'Fetch only URLs from an allow-list of hosts; resolve and block private, loopback and link-local addresses; do not follow redirects blindly.',
});

// A fetch made before the response arrived is usually in by now; later ones are checked at the end.
const GRACE_MS = 50;

export const ssrfCheck: ActiveCheck = {
  family: 'ssrf',
  rules: [ssrf],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    const token = ctx.marker();
    const url = ctx.canary.url(token);
    const exchange = await ctx.send(requestWith(point.target, point, url));
    if (!exchange) return [];
    const hit = { rule: ssrf, summary: `The server requested ${url}, the scan's canary listener, after receiving it in "${point.name}"`, exchange };
    if (await ctx.canary.wasHit(token, GRACE_MS)) return [hit];
    ctx.deferCanary(token, hit, point);
    return [];
  },
};
