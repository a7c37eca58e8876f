/**
 * A small registry for tests: the read side of the distribution API on 127.0.0.1, with optional
 * token or Basic auth, blob redirects and a request log. It serves whatever bytes it is given, so
 * tests can hand it blobs that do not match their digests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredManifest {
  readonly mediaType: string;
  readonly body: Buffer;
}

export interface TestRegistryOptions {
  readonly repository?: string;
  /** Manifests by tag; each is also served by its sha256 digest. */
  readonly manifests?: ReadonlyMap<string, StoredManifest>;
  /** Blob content by the digest it is served under (the content need not match). */
  readonly blobs?: ReadonlyMap<string, Buffer>;
  /** `bearer`: a /token endpoint checks Basic credentials and issues a token. `basic`: plain Basic auth. */
  readonly auth?: { readonly scheme: 'bearer' | 'basic'; readonly username: string; readonly password: string; readonly isAnonymousTokenAllowed?: boolean };
  /** Where to send a blob request instead of answering it (a Location value), if anywhere. */
  readonly redirectBlob?: (digest: string) => string | undefined;
}

export interface RecordedRequest {
  readonly path: string;
  readonly authorization?: string;
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`, the registry part of an image reference. */
  readonly host: string;
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function sendError(response: ServerResponse, status: number, code: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace(/_/g, ' ') }] }));
}

function sendBlob(response: ServerResponse, content: Buffer | undefined): void {
  if (content === undefined) return sendError(response, 404, 'BLOB_UNKNOWN');
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(content.length) });
  response.end(content);
}

/** Start a registry on 127.0.0.1 with an OS-chosen port; `close()` stops it and its connections. */
export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const repository = options.repository ?? 'app';
  const manifests = new Map<string, StoredManifest>();
  for (const [tag, manifest] of options.manifests ?? []) {
    manifests.set(tag, manifest);
    manifests.set(digestOf(manifest.body), manifest);
  }
  const blobs = options.blobs ?? new Map<string, Buffer>();
  const requests: RecordedRequest[] = [];
  const issued = new Set<string>();
  let url = '';
  const basic = options.auth ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}` : undefined;

  const isAuthorized = (authorization: string | undefined): boolean => {
    if (options.auth === undefined) return true;
    if (options.auth.scheme === 'basic') return authorization === basic;
    return authorization !== undefined && authorization.startsWith('Bearer ') && issued.has(authorization.slice('Bearer '.length));
  };

  const challenge = (): Record<string, string> =>
    options.auth?.scheme === 'basic'
      ? { 'www-authenticate': 'Basic realm="test registry"' }
      : { 'www-authenticate': `Bearer realm="${url}/token",service="test-registry",scope="repository:${repository}:pull"` };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', url).pathname;
    requests.push({ path, ...(request.headers.authorization !== undefined ? { authorization: request.headers.authorization } : {}) });
    if (path === '/token') {
      const isAnonymous = request.headers.authorization === undefined && options.auth?.isAnonymousTokenAllowed === true;
      if (!isAnonymous && request.headers.authorization !== basic) return sendError(response, 401, 'UNAUTHORIZED');
      const token = randomBytes(16).toString('hex');
      issued.add(token);
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ token, expires_in: 300 }));
    }
    // Storage behind a redirect answers without auth, as presigned URLs do.
    if (path.startsWith('/storage/')) return sendBlob(response, blobs.get(path.slice('/storage/'.length)));
    const prefix = `/v2/${repository}/`;
    if (!path.startsWith(prefix)) return sendError(response, 404, 'NAME_UNKNOWN');
    if (!isAuthorized(request.headers.authorization)) return sendError(response, 401, 'UNAUTHORIZED', challenge());
    const [kind, reference] = path.slice(prefix.length).split('/');
    if (kind === 'manifests' && reference !== undefined) {
      const manifest = manifests.get(reference);
      if (manifest === undefined) return sendError(response, 404, 'MANIFEST_UNKNOWN');
      response.writeHead(200, { 'content-type': manifest.mediaType, 'docker-content-digest': digestOf(manifest.body) });
      return void response.end(manifest.body);
    }
    if (kind === 'blobs' && reference !== undefined) {
      const location = options.redirectBlob?.(reference);
      if (location !== undefined) {
        response.writeHead(307, { location });
        return void response.end();
      }
      return sendBlob(response, blobs.get(reference));
    }
    return sendError(response, 404, 'UNSUPPORTED');
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = `http://${host}`;
  return {
    host,
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
