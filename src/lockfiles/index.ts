import { goModFormat } from './go/go-mod.js';
import { gradleLockfileFormat } from './java/gradle-lockfile.js';
import { mavenPomFormat } from './java/maven-pom.js';
import { nugetLockFormat } from './dotnet/nuget-lock.js';
import { packageLock } from './npm/package-lock.js';
import { pnpmLock } from './npm/pnpm-lock.js';
import { yarnLock } from './npm/yarn-lock.js';
import { composerLockFormat } from './php/composer-lock.js';
import { pipfileLockFormat } from './python/pipfile-lock.js';
import { poetryLockFormat } from './python/poetry-lock.js';
import { requirementsFormat } from './python/requirements.js';
import { uvLockFormat } from './python/uv-lock.js';
import { gemfileLockFormat } from './ruby/gemfile-lock.js';
import { cargoLockFormat } from './rust/cargo-lock.js';
import type { LockfileFormat } from './types.js';

/** Every lockfile and manifest format Bulwark reads: adding a format is one line here. */
export const LOCKFILE_FORMATS: readonly LockfileFormat[] = [
  packageLock,
  yarnLock,
  pnpmLock,
  requirementsFormat,
  pipfileLockFormat,
  poetryLockFormat,
  uvLockFormat,
  goModFormat,
  cargoLockFormat,
  gemfileLockFormat,
  composerLockFormat,
  mavenPomFormat,
  gradleLockfileFormat,
  nugetLockFormat,
];
