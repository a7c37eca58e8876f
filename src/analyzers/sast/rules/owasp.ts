/** OWASP Top 10 (2021) category names, for identifiers that read well in reports. */
const TOP10_2021: Readonly<Record<string, string>> = {
  A01: 'Broken Access Control',
  A02: 'Cryptographic Failures',
  A03: 'Injection',
  A04: 'Insecure Design',
  A05: 'Security Misconfiguration',
  A06: 'Vulnerable and Outdated Components',
  A07: 'Identification and Authentication Failures',
  A08: 'Software and Data Integrity Failures',
  A09: 'Security Logging and Monitoring Failures',
  A10: 'Server-Side Request Forgery',
};

/** `A03:2021 - Injection` or `A03:2021` → `A03:2021`; undefined when it is not that shape. */
export function normalizeOwasp(text: string): string | undefined {
  const match = /^\s*(A\d{2}):(\d{4})\b/.exec(text);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** `A03:2021` → `A03:2021 - Injection` where the category is known. */
export function owaspTitle(id: string): string {
  const [category, year] = id.split(':');
  const name = year === '2021' && category ? TOP10_2021[category] : undefined;
  return name ? `${id} - ${name}` : id;
}
