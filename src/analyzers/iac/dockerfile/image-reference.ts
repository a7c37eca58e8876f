/** A container image reference split into its parts: `registry/name:tag@digest`. */
export interface ImageReference {
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const rest = at >= 0 ? reference.slice(0, at) : reference;
  // A colon before the last slash belongs to a registry port (`registry:5000/app`), not a tag.
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  return {
    name: hasTag ? rest.slice(0, colon) : rest,
    ...(hasTag ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** True when the reference floats: no digest, and no tag or the `latest` tag. */
export function isFloatingImage(reference: string): boolean {
  const image = parseImageReference(reference);
  if (image.digest) return false;
  return image.tag === undefined || image.tag === '' || image.tag.toLowerCase() === 'latest';
}
