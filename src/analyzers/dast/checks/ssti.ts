import { requestWith } from '../active/target.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const ssti = defineDastRule({
  id: 'dast-ssti',
  title: 'Server-side template injection',
  description: 'A parameter is compiled as part of a server-side template, so an attacker can evaluate expressions on the server and usually run code.',
  severity: 'critical',
  cwe: [1336, 94],
  owasp: ['A03:2021'],
  references: ['https://portswigger.net/research/server-side-template-injection'],
  remediation: 'Pass user input to templates as data (template variables), never as template source; use a sandboxed engine where templates come from users.',
});

const SYNTAXES: readonly ((expr: string) => string)[] = [
  (e) => `{{${e}}}`,
  (e) => `\${${e}}`,
  (e) => `<%= ${e} %>`,
  (e) => `#{${e}}`,
  (e) => `{${e}}`,
  (e) => `{{=${e}}}`,
  (e) => `[[${e}]]`,
  (e) => `@(${e})`,
];

export const sstiCheck: ActiveCheck = {
  family: 'ssti',
  rules: [ssti],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    const m = ctx.marker();
    const [a, b] = ctx.factors();
    const expected = `${m}${a * b}`;
    for (const syntax of SYNTAXES) {
      const payload = `${m}${syntax(`${a}*${b}`)}`;
      const exchange = await ctx.send(requestWith(point.target, point, payload));
      if (exchange?.response.body.includes(expected)) {
        return [{ rule: ssti, summary: `${JSON.stringify(payload)} was evaluated: the response contains ${expected} (${a}×${b})`, exchange }];
      }
    }
    return [];
  },
};
