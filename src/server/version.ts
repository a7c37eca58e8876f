import { readFileSync } from 'node:fs';

/** The package version (package.json is two folders up from both src/server/ and dist/cli/). */
export const SERVER_VERSION: string = (() => {
  try {
    const parsed = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
