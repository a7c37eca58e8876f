import { isHtml } from '../http/types.js';
import type { InjectionPoint } from '../active/target.js';
import { requestWith } from '../active/target.js';
import { reflectionContexts, xssPayload } from './xss-context.js';
import { defineDastRule, type ActiveCheck, type ActiveContext, type ActiveHit } from './types.js';

const REFS = ['https://owasp.org/www-community/attacks/xss/', 'https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html'];

export const reflectedXss = defineDastRule({
  id: 'dast-xss-reflected',
  title: 'Cross-site scripting (reflected)',
  description: 'A request parameter is written back into the page without encoding for its context, so a crafted link runs the attacker\'s script in the victim\'s browser session.',
  severity: 'high',
  cwe: [79],
  owasp: ['A03:2021'],
  references: REFS,
  remediation: 'Encode output for its context (HTML text, attribute, JavaScript string) with the template engine\'s escaping, and add a strict Content-Security-Policy.',
});

export const storedXss = defineDastRule({
  id: 'dast-xss-stored',
  title: 'Cross-site scripting (stored)',
  description: 'A value submitted to the application is stored and later shown to users without encoding, so one submission runs script in every visitor\'s browser.',
  severity: 'high',
  cwe: [79],
  owasp: ['A03:2021'],
  references: REFS,
  remediation: 'Encode stored data when it is output, for its context; validate input on the way in; add a strict Content-Security-Policy.',
});

/** The needle stored-XSS probes leave behind; looked for on every page after the attacks. */
export function storedXssNeedle(marker: string): string {
  return `<${marker}s>`;
}

async function attack(point: InjectionPoint, ctx: ActiveContext): Promise<ActiveHit[]> {
  const target = point.target;
  const m = ctx.marker();
  const probe = await ctx.send(requestWith(target, point, `${point.original}${m}`));
  // A submission (POST) may store the value and show it elsewhere: leave a marked tag behind.
  if (target.method === 'POST') {
    const s = ctx.marker();
    const stored = await ctx.send(requestWith(target, point, `${point.original}${s}${storedXssNeedle(s)}`));
    if (stored) ctx.remember(s, point, stored, storedXssNeedle(s));
  }
  if (!probe || !isHtml(probe.response)) return [];
  const contexts = reflectionContexts(probe.response.body, m);
  for (const context of contexts) {
    const fresh = ctx.marker();
    const { payload, proof } = xssPayload(context, fresh);
    const exchange = await ctx.send(requestWith(target, point, payload));
    if (!exchange || !isHtml(exchange.response)) continue;
    const match = proof.exec(exchange.response.body);
    if (match) {
      return [
        {
          rule: reflectedXss,
          summary: `Payload ${JSON.stringify(payload)} came back unescaped in ${context} context: ${JSON.stringify(match[0])}`,
          exchange,
          supporting: [{ name: 'Reflection probe', exchange: probe }],
        },
      ];
    }
  }
  return [];
}

export const xssCheck: ActiveCheck = {
  family: 'xss',
  rules: [reflectedXss, storedXss],
  attackPoint: attack,
};
