import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the advisory store lives: `--db DIR`, else `$BULWARK_DB_DIR`, else
 * `$XDG_CACHE_HOME/bulwark/db`, else `~/.cache/bulwark/db`. An empty variable counts as unset, and
 * a relative `XDG_CACHE_HOME` is ignored as the XDG base directory specification asks.
 */
export function resolveDbDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const explicit = env['BULWARK_DB_DIR'];
  if (explicit !== undefined && explicit !== '') return resolve(explicit);
  const cache = env['XDG_CACHE_HOME'];
  if (cache !== undefined && cache !== '' && isAbsolute(cache)) return join(cache, 'bulwark', 'db');
  return join(home, '.cache', 'bulwark', 'db');
}
