/**
 * A cookie jar for one site under test: name → value. Domain and path attributes are not tracked
 * because the scope already limits requests to the hosts under test.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** `a=1; b=2`, as given on the command line. */
  addHeader(text: string): void {
    for (const part of text.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) this.cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }

  /** Apply one `Set-Cookie` header: store it, or drop it when it has expired. */
  store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((attr) => {
      const [key = '', val = ''] = attr.split('=').map((s) => s.trim());
      if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
      if (key.toLowerCase() === 'expires') {
        const when = Date.parse(val);
        return Number.isFinite(when) && when < Date.now();
      }
      return false;
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  entries(): [string, string][] {
    return [...this.cookies];
  }

  clear(): void {
    this.cookies.clear();
  }

  get size(): number {
    return this.cookies.size;
  }
}
