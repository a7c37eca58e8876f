import { requestWith } from '../active/target.js';
import { provesDelay } from '../active/timing.js';
import { baselineLatency } from './sql-injection.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const commandInjection = defineDastRule({
  id: 'dast-command-injection',
  title: 'OS command injection',
  description: 'A parameter reaches a shell command line, so an attacker can run any command with the server\'s privileges.',
  severity: 'critical',
  cwe: [78],
  owasp: ['A03:2021'],
  references: ['https://owasp.org/www-community/attacks/Command_Injection', 'https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html'],
  remediation: 'Do not call a shell with user input: run the program directly with an argument list (execFile, subprocess without shell=True) and validate the values against an allow-list.',
});

const SEPARATORS: readonly ((cmd: string) => string)[] = [
  (cmd) => `;${cmd}`,
  (cmd) => `|${cmd}`,
  (cmd) => `&&${cmd}`,
  (cmd) => `$(${cmd})`,
  (cmd) => `\`${cmd}\``,
  (cmd) => `\n${cmd}\n`,
  (cmd) => `';${cmd};'`,
  (cmd) => `";${cmd};"`,
];

export const commandInjectionCheck: ActiveCheck = {
  family: 'command-injection',
  rules: [commandInjection],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    const m = ctx.marker();
    const [a, b] = ctx.factors();
    // The shell computes the product; the payload itself never contains it.
    const expected = `${m}${a * b}`;
    for (const wrap of SEPARATORS) {
      const payload = `${point.original}${wrap(`echo ${m}$((${a}*${b}))`)}`;
      const exchange = await ctx.send(requestWith(point.target, point, payload));
      if (exchange?.response.body.includes(expected)) {
        return [{ rule: commandInjection, summary: `Output-based: ${JSON.stringify(payload)} made the response contain ${expected} (${a}×${b} computed by a shell)`, exchange }];
      }
    }
    const baselineMs = await baselineLatency(ctx, point);
    for (const wrap of SEPARATORS.slice(0, 5)) {
      const build = (s: number): string => `${point.original}${wrap(`sleep ${s}`)}`;
      const proof = await provesDelay(ctx.send, (s) => requestWith(point.target, point, build(s)), baselineMs, ctx.timeDelayMs);
      if (proof) {
        return [
          {
            rule: commandInjection,
            summary: `Time-based: ${JSON.stringify(build(ctx.timeDelayMs / 1000))} took ${proof.slow.response.elapsedMs} ms, sleep 0 took ${proof.fast.response.elapsedMs} ms, twice the delay ${proof.again.response.elapsedMs} ms (unmodified ${baselineMs} ms)`,
            exchange: proof.slow,
            supporting: [
              { name: 'Zero delay', exchange: proof.fast },
              { name: 'Double delay', exchange: proof.again },
            ],
          },
        ];
      }
    }
    return [];
  },
};
