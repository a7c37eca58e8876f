import { splitUrl } from './types.js';

export interface ScopeOptions {
  /** Hosts the scan may request: `example.com` (any port) or `example.com:8080`. */
  readonly hosts: readonly string[];
  /** Regular expressions (source text) over the whole URL: when any is given, a URL must match one. */
  readonly include?: readonly string[];
  /** Regular expressions over the whole URL: a matching URL is never requested. */
  readonly exclude?: readonly string[];
}

export interface Scope {
  allows(url: string): boolean;
  readonly hosts: readonly string[];
}

/** Compile a scope. Patterns are user input, so a bad one is reported rather than thrown. */
export function createScope(options: ScopeOptions): { scope: Scope } | { error: string } {
  const compile = (sources: readonly string[] | undefined, flag: string): RegExp[] | string => {
    const out: RegExp[] = [];
    for (const source of sources ?? []) {
      try {
        out.push(new RegExp(source, 'i'));
      } catch (error) {
        return `${flag} "${source}" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return out;
  };
  const include = compile(options.include, '--include');
  if (typeof include === 'string') return { error: include };
  const exclude = compile(options.exclude, '--exclude');
  if (typeof exclude === 'string') return { error: exclude };
  const hosts = options.hosts.map((h) => h.toLowerCase());
  const hostAllowed = (host: string): boolean => {
    const bare = host.replace(/:\d+$/, '');
    return hosts.some((allowed) => (allowed.includes(':') && !allowed.startsWith('[') ? allowed === host : allowed === bare || allowed === host));
  };
  return {
    scope: {
      hosts,
      allows(url: string): boolean {
        const split = splitUrl(url);
        if (!split) return false;
        if (!hostAllowed(split.host.toLowerCase())) return false;
        if (include.length > 0 && !include.some((re) => re.test(url))) return false;
        return !exclude.some((re) => re.test(url));
      },
    },
  };
}
