import type { IacRule, Violation } from '../../types.js';
import type { Dockerfile } from '../framework.js';
import { isFloatingImage } from '../image-reference.js';
import { isStageReference } from './stages.js';

const imageLatestTag: IacRule<Dockerfile> = {
  id: 'dockerfile-image-latest-tag',
  title: 'Base image is not pinned to a version',
  description:
    'FROM names an image with no tag or the `latest` tag. Each build may pull a different image, so a compromised or broken upstream release enters the build unnoticed and builds cannot be reproduced.',
  severity: 'medium',
  cwe: 1357,
  remediation: 'Name a specific version tag (`FROM node:20.11-bookworm-slim`), or better, pin the digest (`FROM node:20.11@sha256:…`).',
  check: (dockerfile) =>
    dockerfile.stages.flatMap((stage): Violation[] => {
      const image = stage.image;
      // `scratch` is empty by definition; a stage reference and an unresolvable `${ARG}` are not pulls we can judge.
      if (image === undefined || image.toLowerCase() === 'scratch' || isStageReference(dockerfile, stage)) return [];
      return isFloatingImage(image) ? [{ line: stage.from.line, resource: stage.resource, detail: `image ${image}` }] : [];
    }),
};

export const BASE_IMAGE_RULES: readonly IacRule<Dockerfile>[] = [imageLatestTag];
