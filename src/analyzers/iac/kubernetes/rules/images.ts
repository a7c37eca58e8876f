import type { IacRule } from '../../types.js';
import { containersOf, type K8sContainer, type K8sObject } from '../model.js';
import type { Located } from '../../located-yaml.js';

interface ImageRef {
  readonly node: Located;
  readonly ref: string;
  readonly digest: boolean;
  /** The tag, or undefined when the reference has none (which means `latest`). */
  readonly tag?: string;
}

/** The container's image reference, unless it is a template placeholder that cannot be judged. */
function imageOf(container: K8sContainer): ImageRef | undefined {
  const node = container.node.get('image');
  const ref = node?.str()?.trim();
  if (!node || !ref || ref.includes('{{') || ref.includes('$(') || ref.includes('${')) return undefined;
  const digest = ref.includes('@');
  const name = digest ? ref.slice(0, ref.indexOf('@')) : ref;
  // A colon before the last slash is a registry port (`localhost:5000/app`), not a tag.
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  return { node, ref, digest, ...(colon >= 0 ? { tag: lastPart.slice(colon + 1) } : {}) };
}

/** A reference that can point at different images over time: `latest` or no tag, without a digest. */
function isMutable(image: ImageRef): boolean {
  return !image.digest && (image.tag === undefined || image.tag === 'latest');
}

function eachImage(target: K8sObject, check: (image: ImageRef, container: K8sContainer) => boolean, detail: (image: ImageRef) => string): { line: number; resource: string; detail: string }[] {
  return containersOf(target).flatMap((container) => {
    const image = imageOf(container);
    return image && check(image, container) ? [{ line: image.node.line, resource: container.resource, detail: detail(image) }] : [];
  });
}

const latestTag: IacRule<K8sObject> = {
  id: 'k8s-image-latest-tag',
  title: 'Container image uses the latest tag or no tag',
  description: 'An image without a tag, or tagged `latest`, changes under the deployment: rollbacks and audits cannot tell which code ran, and a pushed image is picked up silently.',
  severity: 'medium',
  cwe: 1357,
  remediation: 'Pin the image to a version tag, and preferably to a digest (`image: name:1.2.3@sha256:…`).',
  check: (target) => eachImage(target, isMutable, (image) => `image ${image.ref}`),
};

const notDigest: IacRule<K8sObject> = {
  id: 'k8s-image-not-pinned-by-digest',
  title: 'Container image is not pinned by digest',
  description: 'A tag can be moved to another image by anyone who can push to the registry; only a digest names exactly the image that was reviewed.',
  severity: 'low',
  cwe: 1357,
  remediation: 'Reference the image by digest (`image: name:1.2.3@sha256:…`), updated by a bot such as Renovate.',
  check: (target) => eachImage(target, (image) => !image.digest, (image) => `image ${image.ref}`),
};

const pullPolicy: IacRule<K8sObject> = {
  id: 'k8s-image-pull-policy-not-always',
  title: 'Mutable image is not pulled every time',
  description: 'With a `latest` or untagged image and `imagePullPolicy` IfNotPresent or Never, each node runs whatever copy it cached, so pods of one deployment can run different code.',
  severity: 'low',
  cwe: 1357,
  remediation: 'Pin the image to a version or digest; otherwise set `imagePullPolicy: Always`.',
  check: (target) =>
    containersOf(target).flatMap((container) => {
      const image = imageOf(container);
      const policy = container.node.get('imagePullPolicy');
      // Kubernetes already defaults to Always for `latest` and untagged images; only an explicit override is a problem.
      if (!image || !isMutable(image) || !policy || policy.str() === 'Always') return [];
      return [{ line: policy.line, resource: container.resource, detail: `image ${image.ref} with imagePullPolicy ${policy.str() ?? '(empty)'}` }];
    }),
};

export const imageRules: readonly IacRule<K8sObject>[] = [latestTag, notDigest, pullPolicy];
