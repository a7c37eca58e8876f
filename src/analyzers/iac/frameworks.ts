import type { AnyIacFramework } from './types.js';

/** Every infrastructure framework Bulwark checks: adding one is one line here. */
export const IAC_FRAMEWORKS: readonly AnyIacFramework[] = [];
