import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { err, ok, type Result } from '../../../core/result.js';

/**
 * Schemas of the JSON documents that describe an image: Docker's manifest.json, the OCI image
 * index, image manifest and image config. Only the fields Bulwark reads are checked; unknown
 * fields are allowed, as both specs allow extensions.
 */

/** `sha256:<64 hex>` or `sha512:<128 hex>`: the only digests OCI registers. */
const Digest = Type.String({ pattern: '^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$' });

const Platform = Type.Object({ os: Type.String(), architecture: Type.String(), variant: Type.Optional(Type.String()) });

const Descriptor = Type.Object({
  mediaType: Type.Optional(Type.String()),
  digest: Digest,
  size: Type.Optional(Type.Number()),
  platform: Type.Optional(Platform),
  annotations: Type.Optional(Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()])),
});
export type Descriptor = Static<typeof Descriptor>;

export const DockerManifestSchema = Type.Array(
  Type.Object({
    Config: Type.String(),
    RepoTags: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
    Layers: Type.Array(Type.String()),
  }),
  { minItems: 1 },
);

export const ImageIndexSchema = Type.Object({ mediaType: Type.Optional(Type.String()), manifests: Type.Array(Descriptor) });
export type ImageIndex = Static<typeof ImageIndexSchema>;

export const ImageManifestSchema = Type.Object({ mediaType: Type.Optional(Type.String()), config: Descriptor, layers: Type.Array(Descriptor) });

const StringOrNull = Type.Union([Type.String(), Type.Null()]);

export const ImageConfigSchema = Type.Object({
  os: Type.Optional(Type.String()),
  architecture: Type.Optional(Type.String()),
  config: Type.Optional(
    Type.Union([
      Type.Object({
        Env: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
        Labels: Type.Optional(Type.Union([Type.Record(Type.String(), StringOrNull), Type.Null()])),
      }),
      Type.Null(),
    ]),
  ),
  rootfs: Type.Optional(Type.Object({ diff_ids: Type.Optional(Type.Array(Type.String())) })),
  history: Type.Optional(Type.Array(Type.Object({ created_by: Type.Optional(Type.String()), empty_layer: Type.Optional(Type.Boolean()) }))),
});
export type ImageConfigDocument = Static<typeof ImageConfigSchema>;

/** Parse and check one document; the error names the document and the first thing wrong. */
export function parseDocument<S extends TSchema>(schema: S, bytes: Buffer, name: string): Result<Static<S>, string> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return err(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (Value.Check(schema, value)) return ok(value);
  const first = Value.Errors(schema, value).First();
  return err(`${name} does not have the expected shape (${first === undefined ? 'unexpected shape' : `${first.path || '/'}: ${first.message}`})`);
}

/** Where a blob lives in an OCI layout: `blobs/<algorithm>/<hex>`. The digest is checked already. */
export function blobPath(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`;
}
