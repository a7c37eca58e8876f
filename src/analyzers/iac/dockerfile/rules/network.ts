import type { IacRule, Violation } from '../../types.js';
import type { DockerInstruction, Dockerfile } from '../framework.js';
import { commands, pipelines, program, unwrapped, type Command } from '../shell.js';
import { allInstructions } from './stages.js';

const URL_SOURCE = /^(https?|ftp):\/\//i;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);
const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|php)$/;

/** ADD's source arguments: everything but its flags and the last argument (the destination). */
export function addSources(instruction: DockerInstruction): string[] {
  const text = instruction.text.trim();
  const words = text.startsWith('[') ? jsonWords(text.slice(0, text.lastIndexOf(']') + 1)) : instruction.args;
  return words.slice(0, -1);
}

function jsonWords(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

const addFromUrl: IacRule<Dockerfile> = {
  id: 'dockerfile-add-from-url',
  title: 'ADD downloads from a URL',
  description:
    'ADD fetches a remote file at build time without checking its integrity. Whoever controls the server, or the network path to it, controls what goes into the image.',
  severity: 'medium',
  cwe: 494,
  remediation: 'Download with `curl -fsSLo` in a RUN step and verify a known SHA-256 (`sha256sum -c`), or use `ADD --checksum=sha256:…`.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'ADD').flatMap(({ stage, instruction }): Violation[] => {
      // BuildKit's --checksum makes ADD verify what it downloads.
      if (instruction.flags.some((flag) => flag.startsWith('--checksum='))) return [];
      const url = addSources(instruction).find((source) => URL_SOURCE.test(source));
      return url ? [{ line: instruction.line, resource: stage.resource, detail: url }] : [];
    }),
};

/** True when a pipeline feeds a download straight into a shell: `curl … | sh`, `wget -qO- … | sudo bash`. */
function pipesDownloadToShell(pipeline: readonly Command[]): boolean {
  const downloadAt = pipeline.findIndex((command) => DOWNLOADERS.has(program(command)));
  return downloadAt >= 0 && pipeline.slice(downloadAt + 1).some(runsStdin);
}

/** A shell, or an interpreter told to run its standard input (`python3 -`, `perl`), but not `python3 -c '…'`. */
function runsStdin(command: Command): boolean {
  const name = program(command);
  if (SHELLS.has(name)) return true;
  const args = unwrapped(command).slice(1);
  return INTERPRETERS.test(name) && (args.length === 0 || args[0] === '-');
}

/** `sh -c "$(curl …)"` and `bash <(wget …)`. */
const SHELL_RUNS_DOWNLOAD = /\b(?:ba|z|da|k)?sh\s+(?:-c\s+)?["']?(?:\$\(|<\()\s*(?:curl|wget)\b/;

const curlPipeShell: IacRule<Dockerfile> = {
  id: 'dockerfile-curl-pipe-shell',
  title: 'Downloaded script piped into a shell',
  description:
    'A RUN command downloads a script and runs it at once (`curl … | sh`). Nothing checks what was downloaded, so a compromised server, a hijacked domain or a truncated download runs arbitrary code in the build.',
  severity: 'high',
  cwe: 494,
  remediation: 'Download the script to a file, verify its SHA-256 against a known value, then run it; or install the tool from a signed package.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'RUN').flatMap(({ stage, instruction }): Violation[] =>
      pipelines(instruction.text).some(pipesDownloadToShell) || SHELL_RUNS_DOWNLOAD.test(instruction.text) ? [{ line: instruction.line, resource: stage.resource }] : [],
    ),
};

/** What in a command turns off certificate checks, if anything. */
function disablesTls(command: Command): string | undefined {
  const name = program(command);
  const words = unwrapped(command);
  if (name === 'curl') return words.find((word) => word === '--insecure' || /^-[A-Za-z]*k[A-Za-z]*$/.test(word));
  if (name === 'wget') return words.find((word) => word === '--no-check-certificate');
  if (/^pip[0-9.]*$/.test(name) || (/^python[0-9.]*$/.test(name) && words.includes('pip'))) return words.find((word) => word === '--trusted-host' || word.startsWith('--trusted-host='));
  if (['npm', 'yarn', 'pnpm'].includes(name)) {
    const at = words.indexOf('strict-ssl');
    if (at >= 0 && words[at + 1] === 'false') return 'strict-ssl false';
    return words.find((word) => /^--strict-ssl=false$/.test(word));
  }
  if (name === 'git') return words.find((word) => /^http\.sslverify=false$/i.test(word));
  return undefined;
}

/** Environment settings that switch certificate checks off for every later command. */
const INSECURE_ENV: Readonly<Record<string, RegExp>> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  GIT_SSL_NO_VERIFY: /^(1|true)$/i,
  PIP_TRUSTED_HOST: /./,
};

const tlsVerificationDisabled: IacRule<Dockerfile> = {
  id: 'dockerfile-tls-verification-disabled',
  title: 'Certificate verification turned off',
  description:
    'The build downloads with TLS certificate checks disabled (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `npm strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`). Anyone on the network path can then serve their own packages or scripts.',
  severity: 'high',
  cwe: 295,
  remediation: 'Keep certificate verification on; if a private CA is in use, add its certificate to the image trust store instead.',
  check: (dockerfile) => [
    ...allInstructions(dockerfile, 'RUN').flatMap(({ stage, instruction }): Violation[] => {
      const detail = commands(instruction.text).map(disablesTls).find((found) => found !== undefined);
      return detail !== undefined ? [{ line: instruction.line, resource: stage.resource, detail }] : [];
    }),
    ...allInstructions(dockerfile, 'ENV').flatMap(({ stage, instruction }): Violation[] =>
      instruction.properties
        .filter((property) => INSECURE_ENV[property.name]?.test(property.value ?? '') === true)
        .map((property) => ({ line: property.line, resource: stage.resource, detail: `${property.name}=${property.value ?? ''}` })),
    ),
  ].sort((a, b) => a.line - b.line),
};

/** True when an EXPOSE argument (`22`, `22/tcp`, `20-25`) covers port 22. */
function exposesSsh(arg: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(arg);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] !== undefined ? Number(match[2]) : low;
  return low <= 22 && 22 <= high;
}

const sshPortExposed: IacRule<Dockerfile> = {
  id: 'dockerfile-ssh-port-exposed',
  title: 'SSH port exposed',
  description:
    'The image exposes port 22, which means an SSH server runs in the container. It is another way in to defend, usually with long-lived keys or passwords baked into the image.',
  severity: 'low',
  cwe: 284,
  remediation: 'Do not run sshd in containers; use `docker exec` or `kubectl exec` to get a shell, and remove port 22 from EXPOSE.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'EXPOSE').flatMap(({ stage, instruction }): Violation[] =>
      instruction.args.some(exposesSsh) ? [{ line: instruction.line, resource: stage.resource, detail: 'port 22' }] : [],
    ),
};

export const NETWORK_RULES: readonly IacRule<Dockerfile>[] = [addFromUrl, curlPipeShell, tlsVerificationDisabled, sshPortExposed];
