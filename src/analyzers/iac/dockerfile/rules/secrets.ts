import type { IacRule, Violation } from '../../types.js';
import { isLiteralSecret } from '../../secret-names.js';
import type { Dockerfile } from '../framework.js';
import { allInstructions } from './stages.js';

const secretInEnv: IacRule<Dockerfile> = {
  id: 'dockerfile-secret-in-env',
  title: 'Secret written into ENV or ARG',
  description:
    'An ENV or ARG with a secret-like name (password, token, API key) has a literal value. ENV values are stored in the image configuration and ARG defaults in its history, so anyone who can pull the image can read the secret.',
  severity: 'high',
  cwe: 798,
  remediation: 'Pass secrets at run time (orchestrator secrets, mounted files) or, for build steps, with `RUN --mount=type=secret`; never as ENV or ARG values.',
  check: (dockerfile) =>
    [
      ...dockerfile.globalArgs.map((instruction) => ({ resource: 'global build arguments', instruction })),
      ...[...allInstructions(dockerfile, 'ENV'), ...allInstructions(dockerfile, 'ARG')].map(({ stage, instruction }) => ({ resource: stage.resource, instruction })),
    ]
      .flatMap(({ resource, instruction }): Violation[] =>
        instruction.properties
          .filter((property) => property.value !== undefined && isLiteralSecret(property.name, property.value))
          .map((property) => ({ line: property.line, resource, detail: `${instruction.keyword} ${property.name}` })),
      )
      .sort((a, b) => a.line - b.line),
};

export const SECRET_RULES: readonly IacRule<Dockerfile>[] = [secretInEnv];
