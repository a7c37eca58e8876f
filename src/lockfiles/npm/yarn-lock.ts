import type { LockfileFormat } from '../types.js';
import { yarnBerry } from './yarn-berry.js';
import { yarnClassic } from './yarn-classic.js';
import { isBerryLockfile } from './yarn-lines.js';

/** `yarn.lock` of either Yarn: the text tells which (Berry's YAML has `__metadata`). */
export const yarnLock: LockfileFormat = {
  id: 'yarn',
  packageManager: 'yarn',
  ecosystem: 'npm',
  matches: (fileName) => fileName === 'yarn.lock',
  parse: (input) => (isBerryLockfile(input.text) ? yarnBerry : yarnClassic).parse(input),
};
