/** A mistake in how Bulwark was called or configured, or an I/O failure: message, exit code 2, no stack. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
