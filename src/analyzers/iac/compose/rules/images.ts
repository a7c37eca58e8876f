import type { IacRule } from '../../types.js';
import { isFloatingImage } from '../../dockerfile/image-reference.js';
import { setting, type ComposeService } from '../framework.js';

/** `${TAG:-1.2}` → `1.2`; undefined when a variable has no default (its value is unknown here). */
function withDefaults(image: string): string | undefined {
  const resolved = image.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/g, '$1');
  return resolved.includes('$') ? undefined : resolved;
}

const imageLatest: IacRule<ComposeService> = {
  id: 'compose-image-latest-tag',
  title: 'Service image is not pinned to a version',
  description:
    'The service image has no tag or the `latest` tag, so each `docker compose pull` may run different software. A compromised or broken upstream release is deployed without anyone choosing it.',
  severity: 'medium',
  cwe: 1357,
  remediation: 'Use a specific version tag (`postgres:16.3`), or pin the digest (`postgres:16.3@sha256:…`).',
  check: (service) => {
    // With `build:`, `image:` names the image compose builds, not one it pulls.
    if (setting(service, 'build') !== undefined) return [];
    const image = setting(service, 'image');
    const reference = image?.str();
    const resolved = reference === undefined ? undefined : withDefaults(reference.trim());
    return image && resolved !== undefined && resolved !== '' && isFloatingImage(resolved) ? [{ line: image.line, resource: service.resource, detail: `image ${reference ?? ''}` }] : [];
  },
};

export const IMAGE_RULES: readonly IacRule<ComposeService>[] = [imageLatest];
