import type { IacRule, Violation } from '../../types.js';
import type { DockerInstruction, DockerStage, Dockerfile } from '../framework.js';
import { commands, program, unwrapped, type Command } from '../shell.js';
import { allInstructions } from './stages.js';

/** `apt-get …` / `apt …` commands of a RUN, wrappers removed, with the sub-command found. */
function aptCommands(text: string): { command: Command; action: string }[] {
  return commands(text)
    .map(unwrapped)
    .filter((command) => ['apt-get', 'apt'].includes(program(command)))
    .map((command) => ({ command, action: command.slice(1).find((word) => !word.startsWith('-')) ?? '' }));
}

function packagesOf(command: Command): string[] {
  const afterInstall = command.slice(command.indexOf('install') + 1);
  // Options, variables and local .deb paths are not package names we can judge.
  return afterInstall.filter((word) => !word.startsWith('-') && !word.includes('$') && !word.includes('/') && !word.includes('::'));
}

function aptRule(
  rule: Omit<IacRule<Dockerfile>, 'check'>,
  offends: (apt: { command: Command; action: string }) => string | undefined,
): IacRule<Dockerfile> {
  return {
    ...rule,
    check: (dockerfile) =>
      allInstructions(dockerfile, 'RUN').flatMap(({ stage, instruction }: { stage: DockerStage; instruction: DockerInstruction }): Violation[] => {
        const detail = aptCommands(instruction.text).map(offends).find((found) => found !== undefined);
        return detail !== undefined ? [{ line: instruction.line, resource: stage.resource, detail }] : [];
      }),
  };
}

const aptUnpinned = aptRule(
  {
    id: 'dockerfile-apt-unpinned',
    title: 'apt packages installed without version pins',
    description:
      '`apt-get install` names packages without `=version`, so every build takes whatever the mirror serves that day. Builds are not reproducible and an unexpected package version can slip in.',
    severity: 'low',
    cwe: 1357,
    remediation: 'Pin each package (`apt-get install -y curl=7.88.1-10+deb12u5`), or pin the base image digest and rebuild deliberately.',
  },
  ({ command, action }) => {
    if (action !== 'install') return undefined;
    const unpinned = packagesOf(command).filter((name) => !name.includes('='));
    return unpinned.length > 0 ? `unpinned: ${unpinned.join(', ')}` : undefined;
  },
);

const aptRecommends = aptRule(
  {
    id: 'dockerfile-apt-install-recommends',
    title: 'apt installs recommended packages',
    description:
      '`apt-get install` runs without `--no-install-recommends`, so apt also installs every recommended package. The image carries software nobody asked for, and each extra package is more attack surface and more vulnerabilities to patch.',
    severity: 'low',
    cwe: 1357,
    remediation: 'Add `--no-install-recommends` to `apt-get install` and list the packages you actually need.',
  },
  ({ command, action }) => {
    if (action !== 'install' || packagesOf(command).length === 0) return undefined;
    const opted = command.some((word) => word === '--no-install-recommends' || /^-o\s*APT::Install-Recommends=(false|0)/i.test(word) || /^APT::Install-Recommends=(false|0)/i.test(word));
    return opted ? undefined : 'without --no-install-recommends';
  },
);

const aptUpgrade = aptRule(
  {
    id: 'dockerfile-apt-upgrade',
    title: 'apt upgrade in the image build',
    description:
      '`apt-get upgrade` or `dist-upgrade` upgrades whatever the mirror offers at build time. The image content then depends on the build date rather than on the Dockerfile, which hides what is really deployed.',
    severity: 'low',
    cwe: 1357,
    remediation: 'Rebuild from an updated, pinned base image instead, and install specific package versions where a fix is needed.',
  },
  ({ action }) => (action === 'upgrade' || action === 'dist-upgrade' || action === 'full-upgrade' ? `apt ${action}` : undefined),
);

export const PACKAGE_RULES: readonly IacRule<Dockerfile>[] = [aptUnpinned, aptRecommends, aptUpgrade];
