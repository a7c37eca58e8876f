import type { Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

export const stackTrace = defineDastRule({
  id: 'dast-stack-trace',
  title: 'Stack trace or debug page disclosed',
  description: 'A response contains a stack trace or a framework debug page, which reveals source paths, library versions and internal logic, and sometimes configuration and secrets.',
  severity: 'medium',
  cwe: [209],
  owasp: ['A05:2021'],
  references: ['https://owasp.org/www-community/Improper_Error_Handling'],
  remediation: 'Turn debug mode off in production and return a generic error page; log the details on the server instead.',
});

// Each signature needs structure a normal page does not have (a frame line, a framework banner),
// and every pattern is linear: no nested quantifiers.
export const STACK_SIGNATURES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'Python traceback', pattern: /Traceback \(most recent call last\):/ },
  { name: 'Python frame', pattern: /File "[^"\n]{1,300}", line \d+, in [\w<>]+/ },
  { name: 'Django debug page', pattern: /You're seeing this error because you have <code>DEBUG = True<\/code>/ },
  { name: 'Werkzeug debugger', pattern: /Werkzeug Debugger|werkzeug\.exceptions\./ },
  { name: 'Java stack trace', pattern: /\n\s*at [\w$.]{3,200}\([\w$]{1,100}\.java:\d+\)/ },
  { name: 'Java exception', pattern: /\b(java|javax|jakarta)\.[\w.]{3,100}(Exception|Error)\b(?::|\s+at\s)/ },
  { name: 'Tomcat error report', pattern: /<h3>Apache Tomcat\/[\d.]+<\/h3>|Apache Tomcat\/[\d.]+ - Error report/ },
  { name: 'PHP error', pattern: /<b>(Fatal error|Warning|Parse error|Notice)<\/b>:\s.{1,300} in <b>[^<]{1,300}<\/b> on line <b>\d+<\/b>/ },
  { name: 'PHP stack trace', pattern: /PHP (Fatal error|Warning|Parse error):|Stack trace:\s*\n#0 / },
  { name: 'Node.js stack trace', pattern: /\n\s*at (?:[\w$.<>]{1,200} )?\(?(?:\/|[A-Z]:\\|node:|file:\/\/)[^\n)]{1,300}:\d+:\d+\)?/ },
  { name: 'Express error', pattern: /<pre>(?:TypeError|ReferenceError|SyntaxError|RangeError|Error): [^<]{0,300}<br> &nbsp; &nbsp;at / },
  { name: '.NET stack trace', pattern: /\bat [\w.`<>]{3,200}\([^)]{0,300}\) in [^\n]{1,300}:line \d+/ },
  { name: 'ASP.NET error page', pattern: /Server Error in '[^']{0,200}' Application\.|<title>[^<]{0,200}YSOD|\[HttpException \(0x[0-9a-f]+\)/i },
  { name: 'Ruby stack trace', pattern: /\n\s*(?:from )?[\w/.-]{1,200}\.rb:\d+:in `[^']{1,200}'/ },
  { name: 'Rails debug page', pattern: /<title>Action Controller: Exception caught<\/title>/ },
  { name: 'Go panic', pattern: /goroutine \d+ \[running\]:/ },
];

/** The first stack-trace signature in `text`, with the matched line. */
export function findStackTrace(text: string): { name: string; match: string } | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const signature of STACK_SIGNATURES) {
    const match = signature.pattern.exec(sample);
    if (match) return { name: signature.name, match: match[0].trim().slice(0, 200) };
  }
  return undefined;
}

export const stackTraceCheck: PassiveCheck = {
  family: 'stack-traces',
  rules: [stackTrace],
  inspect(exchange: Exchange): PassiveHit[] {
    const found = findStackTrace(exchange.response.body);
    return found ? [{ rule: stackTrace, summary: `${found.name}: ${found.match}`, param: found.name, per: 'path' }] : [];
  },
};
