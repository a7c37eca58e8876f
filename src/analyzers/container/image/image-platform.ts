/** Image platforms (`linux/arm64/v8`): parsing what the user asks for and picking it from an index. */
import { err, ok, type Result } from '../../../core/result.js';
import { quote } from '../../../util/describe.js';

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

const PLATFORM_PART = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const ARCHITECTURE_ALIASES: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };

/** `linux/arm64/v8` → its parts, with the usual architecture aliases. */
export function parsePlatform(text: string): Result<Platform, string> {
  const parts = text.toLowerCase().split('/');
  const [os, rawArchitecture, variant] = parts;
  if (parts.length > 3 || os === undefined || rawArchitecture === undefined || !parts.every((part) => PLATFORM_PART.test(part))) {
    return err(`${quote(text)} is not a platform; write os/architecture[/variant], as linux/amd64 or linux/arm64/v8`);
  }
  const architecture = ARCHITECTURE_ALIASES[rawArchitecture] ?? rawArchitecture;
  return ok({ os, architecture, ...(variant !== undefined ? { variant } : {}) });
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, ...(platform.variant !== undefined ? [platform.variant] : [])].join('/');
}

/** arm64 images usually leave out the `v8` they imply. */
function variantOf(platform: Platform): string | undefined {
  return platform.variant ?? (platform.architecture === 'arm64' ? 'v8' : undefined);
}

export function matchesPlatform(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  return wanted.variant === undefined || variantOf(candidate) === variantOf(wanted);
}

/** The index entry for `wanted`, if the index has one. */
export function choosePlatform<Entry extends { readonly platform?: Platform }>(entries: readonly Entry[], wanted: Platform): Entry | undefined {
  const matching = entries.filter((entry) => entry.platform !== undefined && matchesPlatform(entry.platform, wanted));
  // Without a wanted variant, the plain one (no variant, or the implied one) beats e.g. amd64/v3.
  return matching.find((entry) => entry.platform !== undefined && entry.platform.variant === variantOf(entry.platform)) ?? matching[0];
}
