import type { DockerInstruction, DockerStage, Dockerfile } from '../framework.js';

/** The stage an image is built from last: the one `docker build` produces by default. */
export function finalStage(dockerfile: Dockerfile): DockerStage | undefined {
  return dockerfile.stages.at(-1);
}

/** The earlier stage a `FROM <alias>` builds on, if the image names one. */
export function parentStage(dockerfile: Dockerfile, stage: DockerStage): DockerStage | undefined {
  const image = stage.image?.toLowerCase();
  if (image === undefined) return undefined;
  return dockerfile.stages
    .slice(0, stage.index)
    .reverse()
    .find((earlier) => earlier.alias?.toLowerCase() === image);
}

/** True when the image names an earlier stage of the same file. */
export function isStageReference(dockerfile: Dockerfile, stage: DockerStage): boolean {
  return parentStage(dockerfile, stage) !== undefined;
}

/** The stage and the earlier stages it inherits from, nearest first (settings like USER carry over). */
export function lineage(dockerfile: Dockerfile, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let here: DockerStage | undefined = stage; here && chain.length <= dockerfile.stages.length; here = parentStage(dockerfile, here)) chain.push(here);
  return chain;
}

/** Every instruction of every stage with the stage it belongs to. */
export function allInstructions(dockerfile: Dockerfile, keyword?: string): { stage: DockerStage; instruction: DockerInstruction }[] {
  return dockerfile.stages.flatMap((stage) =>
    stage.instructions.filter((instruction) => keyword === undefined || instruction.keyword === keyword).map((instruction) => ({ stage, instruction })),
  );
}
