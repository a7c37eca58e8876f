import type { IacRule, Violation } from '../../types.js';
import type { Dockerfile } from '../framework.js';
import { addSources } from './network.js';
import { allInstructions, finalStage, lineage } from './stages.js';

const missingHealthcheck: IacRule<Dockerfile> = {
  id: 'dockerfile-missing-healthcheck',
  title: 'Image has no HEALTHCHECK',
  description:
    'The final image declares no HEALTHCHECK, so Docker and Swarm cannot tell a hung or broken container from a healthy one and keep sending it traffic.',
  severity: 'low',
  cwe: 754,
  remediation: 'Add a HEALTHCHECK that probes the service (`HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1`), or `HEALTHCHECK NONE` where the orchestrator probes instead.',
  check: (dockerfile) => {
    const stage = finalStage(dockerfile);
    if (!stage) return [];
    const declared = lineage(dockerfile, stage).some((here) => here.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK'));
    return declared ? [] : [{ line: stage.from.line, resource: stage.resource }];
  },
};

/** ADD unpacks these; for them ADD does something COPY cannot. */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

const addInsteadOfCopy: IacRule<Dockerfile> = {
  id: 'dockerfile-add-instead-of-copy',
  title: 'ADD used where COPY suffices',
  description:
    'ADD copies local files like COPY but also fetches URLs and unpacks archives. Using it for plain files hides which of those behaviours is meant, and a source that later becomes an archive or URL changes what the build does.',
  severity: 'low',
  cwe: 829,
  remediation: 'Use COPY for local files and directories; keep ADD for archives you mean to unpack.',
  check: (dockerfile) =>
    allInstructions(dockerfile, 'ADD').flatMap(({ stage, instruction }): Violation[] => {
      const sources = addSources(instruction);
      if (sources.length === 0 || sources.some((source) => ARCHIVE.test(source) || REMOTE.test(source) || source.includes('$'))) return [];
      return [{ line: instruction.line, resource: stage.resource, detail: sources.join(' ') }];
    }),
};

export const METADATA_RULES: readonly IacRule<Dockerfile>[] = [missingHealthcheck, addInsteadOfCopy];
