import { header, type Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

export const versionDisclosure = defineDastRule({
  id: 'dast-version-disclosure',
  title: 'Server or framework version disclosed',
  description: 'Response headers name the server or framework with its version, which tells an attacker which known vulnerabilities to try.',
  severity: 'low',
  cwe: [497],
  owasp: ['A05:2021'],
  references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server'],
  remediation: 'Remove X-Powered-By and version headers, and configure the server to send a bare product name (or none).',
});

// Headers whose presence alone discloses the stack; Server only counts when it carries a version.
const ALWAYS = ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version', 'x-generator', 'x-drupal-cache', 'x-runtime'];
const VERSIONED = /\d+\.\d+/;

export const versionDisclosureCheck: PassiveCheck = {
  family: 'version-disclosure',
  rules: [versionDisclosure],
  inspect(exchange: Exchange): PassiveHit[] {
    const hits: PassiveHit[] = [];
    const server = header(exchange.response, 'server');
    if (server !== undefined && VERSIONED.test(server)) {
      hits.push({ rule: versionDisclosure, summary: `Server: ${server}`, param: 'Server', per: 'host' });
    }
    for (const name of ALWAYS) {
      const value = header(exchange.response, name);
      if (value === undefined || (name === 'x-runtime' && !/[a-z]/i.test(value))) continue;
      hits.push({ rule: versionDisclosure, summary: `${name}: ${value}`, param: name, per: 'host' });
    }
    return hits;
  },
};
