import type { IacRule, Violation } from '../../types.js';
import type { Dockerfile } from '../framework.js';
import { commands, program, unwrapped } from '../shell.js';
import { allInstructions, finalStage, lineage } from './stages.js';

function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0]?.trim().toLowerCase() ?? '';
  return user === 'root' || user === '0';
}

const runsAsRoot: IacRule<Dockerfile> = {
  id: 'dockerfile-runs-as-root',
  title: 'Container runs as root',
  description:
    'The final image has no USER instruction, or its last USER is root, so the container process runs as root. A flaw in the application then gives an attacker root inside the container, and a short step to the host.',
  severity: 'high',
  cwe: 250,
  remediation: 'Create an unprivileged user and switch to it at the end of the final stage (`RUN useradd -r app` then `USER app`).',
  check: (dockerfile) => {
    const stage = finalStage(dockerfile);
    if (!stage) return [];
    // USER carries over from a stage this one is built FROM.
    for (const here of lineage(dockerfile, stage)) {
      const user = here.instructions.filter((instruction) => instruction.keyword === 'USER').at(-1);
      if (!user) continue;
      return isRootUser(user.args[0] ?? '') ? [{ line: user.line, resource: stage.resource, detail: `USER ${user.args[0] ?? ''}` }] : [];
    }
    // Images published to run unprivileged by default (distroless `:nonroot`).
    if (/nonroot/i.test(lineage(dockerfile, stage).at(-1)?.image ?? '')) return [];
    return [{ line: stage.from.line, resource: stage.resource, detail: 'no USER instruction' }];
  },
};

const sudoInRun: IacRule<Dockerfile> = {
  id: 'dockerfile-sudo',
  title: 'RUN uses sudo',
  description:
    'A RUN command calls sudo. Build steps already run as the current USER, so sudo only helps if the image ships it, which lets any process in the running container regain root.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Run the privileged steps before switching USER, and do not install sudo in the image.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'RUN').flatMap(({ stage, instruction }): Violation[] =>
      commands(instruction.text).some((command) => command[0] === 'sudo' || command[0]?.endsWith('/sudo')) ? [{ line: instruction.line, resource: stage.resource }] : [],
    ),
};

/** True for a chmod mode that lets everyone write: `777`, `0666`, `o+w`, `a=rwx`; the sticky `1777` of temp dirs is fine. */
function isWorldWritableMode(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    if (mode.length === 4 && mode.startsWith('1')) return false;
    return ['2', '3', '6', '7'].includes(mode.at(-1) ?? '');
  }
  return mode.split(',').some((clause) => /^[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/.test(clause) || /^[+=][rwxXst]*w/.test(clause));
}

const worldWritable: IacRule<Dockerfile> = {
  id: 'dockerfile-world-writable-chmod',
  title: 'Files made writable by every user',
  description:
    'A RUN command gives write permission to all users (`chmod 777`, `o+w`). Any process in the container, whatever user it runs as, can then change those files, including programs and configuration.',
  severity: 'medium',
  cwe: 732,
  remediation: 'Give ownership to the user that needs to write (`COPY --chown=app` or `chown app`) and use modes like 755 or 644.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'RUN').flatMap(({ stage, instruction }): Violation[] => {
      const modes = commands(instruction.text)
        .map(unwrapped)
        .filter((command) => program(command) === 'chmod')
        .map((command) => command.slice(1).find((word) => !word.startsWith('-')) ?? '');
      const bad = modes.find(isWorldWritableMode);
      return bad !== undefined ? [{ line: instruction.line, resource: stage.resource, detail: `chmod ${bad}` }] : [];
    }),
};

export const USER_RULES: readonly IacRule<Dockerfile>[] = [runsAsRoot, sudoInRun, worldWritable];
