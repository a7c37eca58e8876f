import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { looksLikeImageReference, parseChallenge, parseImageReference, pullImage } from './registry.js';
import { startTestRegistry, type StoredManifest, type TestRegistry, type TestRegistryOptions } from '../../../../test/registry-server.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const SOME_DIGEST = `sha256:${'a'.repeat(64)}`;

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function makeLayer(files: Readonly<Record<string, string>>): Promise<Buffer> {
  const tar = pack();
  for (const [name, content] of Object.entries(files)) tar.entry({ name }, content);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

interface PlatformImage {
  readonly config: Buffer;
  readonly layer: Buffer;
  readonly manifest: Buffer;
}

/** One platform's image: a config, one gzip tar layer, and an OCI (or Docker) manifest naming them. */
async function makePlatformImage(architecture: string, variant: string | undefined, manifestType: string): Promise<PlatformImage> {
  const layer = await makeLayer({ 'etc/os-release': 'ID=test\nVERSION_ID=1\n', [`etc/${architecture}`]: architecture });
  const isDocker = manifestType === DOCKER_MANIFEST;
  const config = Buffer.from(JSON.stringify({ architecture, os: 'linux', ...(variant ? { variant } : {}), rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: manifestType,
      config: { mediaType: isDocker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: isDocker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
    }),
  );
  return { config, layer, manifest };
}

interface TestImage {
  readonly amd64: PlatformImage;
  readonly arm64: PlatformImage;
  /** The amd64 image under a Docker v2 manifest. */
  readonly plain: Buffer;
  readonly index: Buffer;
  readonly manifests: ReadonlyMap<string, StoredManifest>;
  readonly blobs: ReadonlyMap<string, Buffer>;
}

async function makeTestImage(): Promise<TestImage> {
  const amd64 = await makePlatformImage('amd64', undefined, OCI_MANIFEST);
  const arm64 = await makePlatformImage('arm64', 'v8', OCI_MANIFEST);
  const plain = JSON.parse(amd64.manifest.toString()) as Record<string, unknown>;
  const plainBody = Buffer.from(
    JSON.stringify({
      ...plain,
      mediaType: DOCKER_MANIFEST,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: sha256(amd64.config), size: amd64.config.length },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: sha256(amd64.layer), size: amd64.layer.length }],
    }),
  );
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { mediaType: OCI_MANIFEST, digest: sha256(arm64.manifest), size: arm64.manifest.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { mediaType: OCI_MANIFEST, digest: sha256(amd64.manifest), size: amd64.manifest.length, platform: { os: 'linux', architecture: 'amd64' } },
      ],
    }),
  );
  const manifests = new Map<string, StoredManifest>([
    ['1.0', { mediaType: OCI_INDEX, body: index }],
    ['plain', { mediaType: DOCKER_MANIFEST, body: plainBody }],
    // Each platform manifest is also reachable by digest through the registry's own digest lookup.
    ['amd64-only', { mediaType: OCI_MANIFEST, body: amd64.manifest }],
    ['arm64-only', { mediaType: OCI_MANIFEST, body: arm64.manifest }],
  ]);
  const blobs = new Map<string, Buffer>([amd64.config, amd64.layer, arm64.config, arm64.layer].map((blob) => [sha256(blob), blob]));
  return { amd64, arm64, plain: plainBody, index, manifests, blobs };
}

/** Every file under blobs/sha256 is named by its own hash; index.json names the one manifest. */
async function readLayout(dir: string): Promise<{ readonly layout: unknown; readonly index: { manifests: { mediaType: string; digest: string; size: number }[] }; readonly blobs: string[] }> {
  const layout: unknown = JSON.parse(await readFile(join(dir, 'oci-layout'), 'utf8'));
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: { mediaType: string; digest: string; size: number }[] };
  const names = await readdir(join(dir, 'blobs', 'sha256'));
  for (const name of names) expect(sha256(await readFile(join(dir, 'blobs', 'sha256', name)))).toBe(`sha256:${name}`);
  return { layout, index, blobs: names.map((name) => `sha256:${name}`).sort() };
}

describe('analyzers/container/image/registry', () => {
  describe('parseImageReference', () => {
    it.each([
      ['alpine', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' }],
      ['alpine:3.19', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: '3.19' }],
      ['docker.io/library/alpine:3.19', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: '3.19' }],
      ['index.docker.io/alpine', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' }],
      ['bitnami/redis', { registry: 'registry-1.docker.io', repository: 'bitnami/redis', tag: 'latest' }],
      [`ghcr.io/org/app:1.2@${SOME_DIGEST}`, { registry: 'ghcr.io', repository: 'org/app', tag: '1.2', digest: SOME_DIGEST }],
      [`alpine@${SOME_DIGEST}`, { registry: 'registry-1.docker.io', repository: 'library/alpine', digest: SOME_DIGEST }],
      ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', tag: 'latest' }],
      ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
      ['127.0.0.1:5000/app:tag', { registry: '127.0.0.1:5000', repository: 'app', tag: 'tag' }],
      ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app', tag: 'latest' }],
      ['quay.io/org/team/app-name_x.y:v1.0-rc_1', { registry: 'quay.io', repository: 'org/team/app-name_x.y', tag: 'v1.0-rc_1' }],
    ])('%s', (ref, expected) => {
      expect(parseImageReference(ref)).toEqual({ ok: true, value: expected });
    });

    it.each([
      ['', 'it is empty'],
      ['Alpine', 'repository names are lower-case'],
      ['app:', 'a tag is'],
      ['app:-x', 'a tag is'],
      [`app:${'t'.repeat(129)}`, 'a tag is'],
      ['app@sha256:abc', 'a digest is "sha256:" and 64 lower-case hex digits'],
      [`app@sha512:${'a'.repeat(128)}`, 'only sha256 digests are supported'],
      ['org//app', 'a repository is'],
      ['org/-app', 'a repository is'],
      ['app name', 'a repository is'],
      ['ghcr.io:99999/app', '"ghcr.io:99999" is not a registry'],
      ['bad_host.io/app', '"bad_host.io" is not a registry'],
      [`org/${'a'.repeat(300)}`, 'the name is longer than 255 characters'],
    ])('refuses %j', (ref, why) => {
      const parsed = parseImageReference(ref);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.error).toContain(why);
    });
  });

  describe('looksLikeImageReference', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'bulwark-ref-'));
      await writeFile(join(dir, 'alpine'), 'a file, not an image');
      await mkdir(join(dir, 'rootfs'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each(['alpine:3.19', 'busybox', 'ghcr.io/org/app:1.2', 'localhost:5000/app', `app@${SOME_DIGEST}`])('%s is a reference', (target) => {
      expect(looksLikeImageReference(target, dir)).toBe(true);
    });

    it.each(['alpine', 'rootfs', './rootfs', '../images/app', '/srv/images/app', '~/app', 'image.tar', 'image.tar.gz', 'layout.oci', 'C:\\images\\app', '', 'Not A Reference'])(
      '%j is not',
      (target) => {
        expect(looksLikeImageReference(target, dir)).toBe(false);
      },
    );
  });

  describe('parseChallenge', () => {
    it('reads quoted parameters, commas and escapes included', () => {
      const challenge = parseChallenge('Bearer realm="https://auth.example/token",service="reg\\"istry",scope="repository:org/app:pull,push", error=invalid_token');
      expect(challenge?.scheme).toBe('bearer');
      expect(Object.fromEntries(challenge?.params ?? [])).toEqual({ realm: 'https://auth.example/token', service: 'reg"istry', scope: 'repository:org/app:pull,push', error: 'invalid_token' });
    });

    it('stops at the next challenge and survives garbage', () => {
      expect(Object.fromEntries(parseChallenge('Basic realm="x", Bearer realm="y"')?.params ?? [])).toEqual({ realm: 'x' });
      expect(parseChallenge('')).toBeUndefined();
      expect(parseChallenge('Bearer realm="unterminated')?.params.get('realm')).toBe('unterminated');
    });
  });

  describe('pullImage', () => {
    let image: TestImage;
    let work: string;
    let dest: string;
    const started: { close(): Promise<void> }[] = [];
    const start = async (options: TestRegistryOptions = {}): Promise<TestRegistry> => {
      const registry = await startTestRegistry({ manifests: image.manifests, blobs: image.blobs, ...options });
      started.push(registry);
      return registry;
    };

    beforeAll(async () => {
      image = await makeTestImage();
    });
    beforeEach(async () => {
      work = await mkdtemp(join(tmpdir(), 'bulwark-pull-'));
      dest = join(work, 'layout');
    });
    afterEach(async () => {
      await Promise.all(started.splice(0).map((server) => server.close()));
      await rm(work, { recursive: true, force: true });
    });

    const amd64Blobs = (): string[] => [image.amd64.manifest, image.amd64.config, image.amd64.layer].map(sha256).sort();

    it('takes linux/amd64 from a two-platform index and writes an OCI layout of verified blobs', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
      expect(pulled).toEqual({
        ok: true,
        value: { layoutDir: dest, digest: sha256(image.amd64.manifest), repositoryDigest: sha256(image.index), platform: { os: 'linux', architecture: 'amd64' } },
      });
      const layout = await readLayout(dest);
      expect(layout.layout).toEqual({ imageLayoutVersion: '1.0.0' });
      expect(layout.index.manifests).toEqual([
        expect.objectContaining({
          mediaType: OCI_MANIFEST,
          digest: sha256(image.amd64.manifest),
          size: image.amd64.manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': '1.0' },
        }),
      ]);
      expect(layout.blobs).toEqual(amd64Blobs());
      // The other platform's blobs were never fetched, and no temporary folder is left behind.
      expect(registry.requests.map((request) => request.path)).not.toContain(`/v2/app/blobs/${sha256(image.arm64.layer)}`);
      expect(await readdir(work)).toEqual(['layout']);
    });

    it('takes the platform asked for', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { platform: 'linux/arm64' });
      expect(pulled.ok && pulled.value.digest).toBe(sha256(image.arm64.manifest));
      expect(pulled.ok && pulled.value.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
      expect((await readLayout(dest)).blobs).toEqual([image.arm64.manifest, image.arm64.config, image.arm64.layer].map(sha256).sort());
    });

    it('names the platforms an index offers when the one asked for is missing', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { platform: 'linux/s390x' });
      expect(pulled).toEqual({ ok: false, error: `image app:1.0 on registry ${registry.host} has no linux/s390x image (it offers linux/arm64/v8, linux/amd64)` });
    });

    it('refuses a single-platform image for another platform only when a platform was asked for', async () => {
      const registry = await start();
      expect((await pullImage(`${registry.host}/app:arm64-only`, dest)).ok).toBe(true);
      const strict = await pullImage(`${registry.host}/app:arm64-only`, join(work, 'strict'), { platform: 'linux/amd64' });
      expect(strict).toEqual({ ok: false, error: 'the image is for linux/arm64/v8, not the linux/amd64 asked for' });
    });

    it('pulls a plain Docker v2 manifest and keeps its media type in index.json', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:plain`, dest);
      expect(pulled.ok && pulled.value).toMatchObject({ digest: sha256(image.plain), platform: { os: 'linux', architecture: 'amd64' } });
      const layout = await readLayout(dest);
      expect(layout.index.manifests[0]).toMatchObject({ mediaType: DOCKER_MANIFEST, digest: sha256(image.plain) });
      expect(layout.blobs).toEqual([image.plain, image.amd64.config, image.amd64.layer].map(sha256).sort());
    });

    it('pulls by digest', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app@${sha256(image.amd64.manifest)}`, dest);
      expect(pulled.ok && pulled.value.digest).toBe(sha256(image.amd64.manifest));
      expect(registry.requests[0]?.path).toBe(`/v2/app/manifests/${sha256(image.amd64.manifest)}`);
    });

    it('refuses a manifest that does not match the digest it was asked by', async () => {
      const registry = await start({ manifests: new Map([[SOME_DIGEST, { mediaType: OCI_MANIFEST, body: image.amd64.manifest }]]) });
      const pulled = await pullImage(`${registry.host}/app@${SOME_DIGEST}`, dest);
      expect(pulled).toEqual({
        ok: false,
        error: `manifest app@${SOME_DIGEST} from registry ${registry.host} does not match its digest ${SOME_DIGEST} (it hashes to ${sha256(image.amd64.manifest)}); refused`,
      });
    });

    it('stops when the caller aborts', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { signal: AbortSignal.abort() });
      expect(pulled).toEqual({ ok: false, error: `the pull from registry ${registry.host} was interrupted` });
      expect(await readdir(work)).toEqual([]);
    });

    it('says which registry answered what for a missing manifest', async () => {
      const registry = await start();
      const pulled = await pullImage(`${registry.host}/app:missing`, dest);
      expect(pulled).toEqual({ ok: false, error: `registry ${registry.host} answered 404 for manifest app:missing (MANIFEST_UNKNOWN: manifest unknown)` });
      expect(await readdir(work)).toEqual([]);
    });

    describe('token auth', () => {
      const auth = { scheme: 'bearer', username: 'reader', password: 's3cret' } as const;

      it('gets a token with Basic credentials from the realm and retries with it', async () => {
        const registry = await start({ auth });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { username: 'reader', password: 's3cret' });
        expect(pulled.ok).toBe(true);
        const tokenRequests = registry.requests.filter((request) => request.path === '/token');
        expect(tokenRequests.map((request) => request.authorization)).toEqual([`Basic ${Buffer.from('reader:s3cret').toString('base64')}`]);
        const blobRequests = registry.requests.filter((request) => request.path.includes('/blobs/'));
        expect(blobRequests.length).toBe(2);
        expect(blobRequests.every((request) => request.authorization?.startsWith('Bearer ') === true)).toBe(true);
        expect((await readLayout(dest)).blobs).toEqual(amd64Blobs());
      });

      it('reads credentials from BULWARK_REGISTRY_USERNAME and BULWARK_REGISTRY_PASSWORD', async () => {
        const registry = await start({ auth });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { env: { BULWARK_REGISTRY_USERNAME: 'reader', BULWARK_REGISTRY_PASSWORD: 's3cret' } });
        expect(pulled.ok).toBe(true);
      });

      it('gets an anonymous token when the realm gives one', async () => {
        const registry = await start({ auth: { ...auth, isAnonymousTokenAllowed: true } });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { env: {} });
        expect(pulled.ok).toBe(true);
        expect(registry.requests.find((request) => request.path === '/token')?.authorization).toBeUndefined();
      });

      it('says the credentials were refused, or are needed', async () => {
        const registry = await start({ auth });
        const wrong = await pullImage(`${registry.host}/app:1.0`, dest, { username: 'reader', password: 'wrong' });
        expect(wrong).toEqual({ ok: false, error: `token service ${registry.url}/token answered 401 for app: the credentials were refused` });
        const none = await pullImage(`${registry.host}/app:1.0`, dest, { env: {} });
        expect(none).toEqual({
          ok: false,
          error: `token service ${registry.url}/token answered 401 for app: it needs credentials (set BULWARK_REGISTRY_USERNAME and BULWARK_REGISTRY_PASSWORD)`,
        });
      });

      it('answers a Basic challenge', async () => {
        const registry = await start({ auth: { ...auth, scheme: 'basic' } });
        expect((await pullImage(`${registry.host}/app:1.0`, dest, { username: 'reader', password: 's3cret' })).ok).toBe(true);
        const none = await pullImage(`${registry.host}/app:1.0`, join(work, 'none'), { env: {} });
        expect(none).toEqual({ ok: false, error: `registry ${registry.host} answered 401 for manifest app:1.0: it needs credentials (set BULWARK_REGISTRY_USERNAME and BULWARK_REGISTRY_PASSWORD)` });
      });
    });

    describe('blob checks', () => {
      it('refuses a blob whose content does not match its digest and leaves no layout', async () => {
        const layerDigest = sha256(image.amd64.layer);
        const tampered = Buffer.from(image.amd64.layer);
        tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0xff;
        const registry = await start({ blobs: new Map([...image.blobs, [layerDigest, tampered]]) });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
        expect(pulled).toEqual({ ok: false, error: `blob ${layerDigest} of app from registry ${registry.host} does not match its digest (the content hashes to ${sha256(tampered)}); refused` });
        expect(await readdir(work)).toEqual([]);
      });

      it('refuses a blob longer than its size', async () => {
        const configDigest = sha256(image.amd64.config);
        const registry = await start({ blobs: new Map([...image.blobs, [configDigest, Buffer.concat([image.amd64.config, Buffer.from(' ')])]]) });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
        expect(pulled).toEqual({
          ok: false,
          error: `registry ${registry.host} announced ${image.amd64.config.length + 1} bytes for blob ${configDigest} of app, but its size is ${image.amd64.config.length}; refused`,
        });
      });

      it('refuses an image bigger than the download limit before fetching its blobs', async () => {
        const registry = await start();
        const maxBytes = image.index.length + image.amd64.manifest.length + 10;
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest, { maxBytes });
        const size = image.amd64.config.length + image.amd64.layer.length;
        expect(pulled).toEqual({ ok: false, error: `image ${sha256(image.amd64.manifest)} on registry ${registry.host} is ${size} bytes, more than the ${maxBytes} bytes download limit` });
        expect(registry.requests.some((request) => request.path.includes('/blobs/'))).toBe(false);
      });
    });

    describe('redirects', () => {
      it('follows a blob redirect to another path', async () => {
        const registry = await start({ redirectBlob: (digest) => `/storage/${digest}` });
        expect((await pullImage(`${registry.host}/app:1.0`, dest)).ok).toBe(true);
        expect(registry.requests.filter((request) => request.path.startsWith('/storage/')).length).toBe(2);
        expect((await readLayout(dest)).blobs).toEqual(amd64Blobs());
      });

      it('does not send the token to another host', async () => {
        const storage = await start({ manifests: new Map() });
        const registry = await start({ auth: { scheme: 'bearer', username: 'u', password: 'p' }, redirectBlob: (digest) => `${storage.url}/storage/${digest}` });
        expect((await pullImage(`${registry.host}/app:1.0`, dest, { username: 'u', password: 'p' })).ok).toBe(true);
        expect(storage.requests.length).toBe(2);
        expect(storage.requests.every((request) => request.authorization === undefined)).toBe(true);
      });

      it('gives up after five redirects', async () => {
        const registry = await start({ redirectBlob: (digest) => `/v2/app/blobs/${digest}` });
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
        expect(pulled).toEqual({ ok: false, error: `registry ${registry.host} redirected blob ${sha256(image.amd64.config)} of app more than 5 times` });
      });
    });

    describe('hostile or broken registries', () => {
      it.each([
        ['a layer digest that is a path', (test: TestImage) => ({ ...JSON.parse(test.amd64.manifest.toString()), layers: [{ mediaType: 'x', digest: 'sha256:../../../etc/passwd', size: 1 }] }), 'only sha256 digests are supported'],
        ['a schema 1 manifest', () => ({ schemaVersion: 1, name: 'app', tag: 'old', fsLayers: [] }), 'Docker schema 1 manifest'],
        ['a Helm chart', () => ({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: SOME_DIGEST, size: 2 }, layers: [] }), 'is not a container image'],
        ['a negative size', (test: TestImage) => ({ ...JSON.parse(test.amd64.manifest.toString()), config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: SOME_DIGEST, size: -1 } }), 'has no valid size'],
      ])('refuses %s', async (_name, makeManifest: (test: TestImage) => unknown, why) => {
        const registry = await start({ manifests: new Map([['bad', { mediaType: OCI_MANIFEST, body: Buffer.from(JSON.stringify(makeManifest(image))) }]]) });
        const pulled = await pullImage(`${registry.host}/app:bad`, dest);
        expect(pulled.ok ? '' : pulled.error).toContain(why);
        expect(await readdir(work)).toEqual([]);
      });

      it('gives up on a registry that never answers', async () => {
        const silent: Server = createServer(() => undefined);
        await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
        started.push({ close: () => new Promise<void>((resolve) => (silent.closeAllConnections(), silent.close(() => resolve()))) });
        const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
        const pulled = await pullImage(`${host}/app:1.0`, dest, { timeoutMs: 200 });
        expect(pulled).toEqual({ ok: false, error: `registry ${host} sent nothing for 200 ms waiting for manifest app:1.0; gave up` });
      });

      it('says when nothing listens', async () => {
        const registry = await startTestRegistry();
        await registry.close();
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
        expect(pulled).toEqual({ ok: false, error: `cannot fetch manifest app:1.0 from registry ${registry.host}: ECONNREFUSED` });
      });

      it('will not pull into a folder that has files in it', async () => {
        const registry = await start();
        await mkdir(dest);
        await writeFile(join(dest, 'keep.txt'), 'mine');
        const pulled = await pullImage(`${registry.host}/app:1.0`, dest);
        expect(pulled).toEqual({ ok: false, error: `${dest} already exists and is not an empty folder; name a new one for the pulled image` });
        expect(registry.requests).toEqual([]);
        expect(await readFile(join(dest, 'keep.txt'), 'utf8')).toBe('mine');
      });

      it('fills an empty folder', async () => {
        const registry = await start();
        await mkdir(dest);
        expect((await pullImage(`${registry.host}/app:1.0`, dest)).ok).toBe(true);
        expect((await readLayout(dest)).blobs).toEqual(amd64Blobs());
      });
    });
  });
});
