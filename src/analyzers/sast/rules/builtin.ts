import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the packaged rule files are: beside this module when running from the sources, and in
 * `dist/sast-rules` (copied there by the build) when running bundled from `dist/cli`.
 */
export function builtinRulesDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, '..', 'sast-rules'), join(here, '..', '..', 'sast-rules'), join(here, '..', '..', 'src', 'analyzers', 'sast', 'rules')];
  return candidates.find((dir) => existsSync(join(dir, 'python')) || existsSync(join(dir, 'javascript')));
}
