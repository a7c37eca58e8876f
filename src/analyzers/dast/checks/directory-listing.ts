import type { Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

export const directoryListing = defineDastRule({
  id: 'dast-directory-listing',
  title: 'Directory listing enabled',
  description: 'The server lists the files of a folder, which exposes backups, configuration and files that were never meant to be linked.',
  severity: 'medium',
  cwe: [548],
  owasp: ['A05:2021'],
  references: ['https://cwe.mitre.org/data/definitions/548.html'],
  remediation: 'Turn off automatic directory indexes (Apache `Options -Indexes`, nginx `autoindex off`, express `serve-index` removed).',
});

// The banners of Apache, nginx, IIS, Python's http.server, Jetty/Tomcat and serve-index.
const LISTING = [
  /<title>Index of \/[^<]{0,300}<\/title>/i,
  /<h1>Index of \/[^<]{0,300}<\/h1>/i,
  /<title>Directory listing for \/[^<]{0,300}<\/title>/i,
  /<title>[^<]{0,200} - \/[^<]{0,200}<\/title>\s*<\/head>\s*<body>\s*<H1>[^<]{0,200} - \/[^<]{0,200}<\/H1>\s*<hr>/i,
  /<title>listing directory \/[^<]{0,300}<\/title>/i,
  /\[To Parent Directory\]<\/A>/i,
];

export const directoryListingCheck: PassiveCheck = {
  family: 'directory-listing',
  rules: [directoryListing],
  inspect(exchange: Exchange): PassiveHit[] {
    if (exchange.response.status !== 200) return [];
    const body = exchange.response.body.slice(0, 100_000);
    const match = LISTING.map((re) => re.exec(body)).find((m) => m !== null);
    return match ? [{ rule: directoryListing, summary: `Directory index: ${match[0].slice(0, 120)}`, param: '', per: 'path' }] : [];
  },
};
