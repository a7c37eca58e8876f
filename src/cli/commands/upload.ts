import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT_OK, EXIT_USAGE } from '../errors.js';
import { BULWARK_SARIF, listReportFiles, type CommandIo } from './compare.js';

export interface UploadFlags {
  readonly server?: string;
  readonly project?: string;
  readonly ref?: string;
  readonly sha?: string;
  readonly token?: string;
}

export interface UploadDeps {
  readonly io: CommandIo;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Per request; uploads of large reports take a while on a busy server. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

interface ServerReply {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
}

/** The server's own words for a failure: its message and, for a refused report, the reader's problems. */
function explain(reply: ServerReply): string {
  const message = typeof reply.body?.['message'] === 'string' ? reply.body['message'] : undefined;
  const problems = Array.isArray(reply.body?.['problems']) ? reply.body['problems'] : [];
  const lines = problems.slice(0, 10).flatMap((p) => (typeof p === 'object' && p !== null && typeof (p as { message?: unknown }).message === 'string' ? [`    ${(p as { message: string }).message}`] : []));
  const hint: Readonly<Record<number, string>> = {
    401: 'the token is missing, wrong, expired or revoked',
    403: 'the token cannot do this here (needs the api scope and developer access or more to the project)',
    404: 'no such project or pipeline on this server (or you cannot see it)',
    413: 'the report is larger than the server accepts (BULWARK_INGEST_BODY_LIMIT)',
  };
  const head = `HTTP ${reply.status}${message === undefined ? '' : `: ${message}`}${hint[reply.status] === undefined ? '' : ` (${hint[reply.status]})`}`;
  return [head, ...lines].join('\n');
}

async function send(url: string, init: { method: string; headers: Record<string, string>; body: string | Uint8Array }, deps: UploadDeps): Promise<ServerReply> {
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout;
  const response = await fetch(url, { ...init, signal });
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone has to do.
  }
  return { status: response.status, body };
}

function describeFailure(error: unknown, server: string): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `the server at ${server} did not answer in time`;
  if (error instanceof Error && error.name === 'AbortError') return 'interrupted';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return `cannot reach ${server}: ${cause ?? (error instanceof Error ? error.message : String(error))}`;
}

function scanLine(body: Record<string, unknown> | undefined): string {
  const scans = Array.isArray(body?.['scans']) ? body['scans'] : [];
  const parts = scans.flatMap((s) => {
    if (typeof s !== 'object' || s === null) return [];
    const scan = s as { reportType?: unknown; findings?: unknown; duplicates?: unknown };
    const dup = typeof scan.duplicates === 'number' && scan.duplicates > 0 ? `, ${scan.duplicates} duplicate(s)` : '';
    return [`${String(scan.reportType)} ${typeof scan.findings === 'number' ? scan.findings : '?'} finding(s)${dup}`];
  });
  const vulns = body?.['vulnerabilities'];
  const v = typeof vulns === 'object' && vulns !== null ? (vulns as { created?: unknown; noLongerDetected?: unknown }) : undefined;
  const created = typeof v?.created === 'number' ? `; ${v.created} new vulnerabilit${v.created === 1 ? 'y' : 'ies'}` : '';
  const gone = typeof v?.noLongerDetected === 'number' && v.noLongerDetected > 0 ? `, ${v.noLongerDetected} no longer detected` : '';
  return `${parts.join(', ')}${created}${gone}`;
}

/** `bulwark upload DIR`: create a pipeline, then upload each report file of DIR into it. Returns the exit code. */
export async function uploadCommand(dir: string, flags: UploadFlags, deps: UploadDeps): Promise<number> {
  const { io } = deps;
  const usage = (message: string): number => {
    io.stderr(`bulwark: ${message}\n`);
    return EXIT_USAGE;
  };
  for (const key of ['server', 'project', 'ref', 'sha'] as const) {
    if (flags[key] === undefined || flags[key] === '') return usage(`--${key} is required`);
  }
  const token = flags.token ?? deps.env['BULWARK_TOKEN'];
  if (token === undefined || token === '') return usage('no token: pass --token or set BULWARK_TOKEN');
  let server: URL;
  try {
    server = new URL(flags.server as string);
    if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new Error('not http');
  } catch {
    return usage(`--server must be an http(s) URL, not "${flags.server ?? ''}"`);
  }
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return usage(`${dir} is not a folder`);
    files = listReportFiles(dir, { sboms: true });
  } catch (error) {
    return usage(`cannot read folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (files.length === 0) return usage(`no reports (gl-*.json, *.sarif, *.cdx.json) in ${dir}`);
  if (existsSync(join(dir, BULWARK_SARIF)) && !files.includes(BULWARK_SARIF)) {
    io.stdout(`${BULWARK_SARIF}: skipped (the gl-*.json reports beside it hold the same findings)\n`);
  }

  const base = server.href.replace(/\/+$/, '');
  const projectPath = `${base}/api/v1/projects/${encodeURIComponent(flags.project as string)}`;
  const auth = { Authorization: `Bearer ${token}` };
  let pipelineId: unknown;
  try {
    const reply = await send(`${projectPath}/pipelines`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: flags.ref, sha: flags.sha, source: 'push', status: 'success' }),
    }, deps);
    if (reply.status !== 200 && reply.status !== 201) return usage(`cannot create the pipeline: ${explain(reply)}`);
    pipelineId = reply.body?.['id'];
    if (typeof pipelineId !== 'number' && typeof pipelineId !== 'string') return usage('the server created a pipeline but sent no id');
  } catch (error) {
    return usage(describeFailure(error, base));
  }
  io.stdout(`Pipeline ${String(pipelineId)} for ${flags.project as string} at ${flags.ref as string} (${flags.sha as string})\n`);

  let failures = 0;
  for (const [index, name] of files.entries()) {
    const prefix = `[${index + 1}/${files.length}] ${name}`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, name));
    } catch (error) {
      io.stderr(`${prefix}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
      failures++;
      continue;
    }
    try {
      const url = `${projectPath}/pipelines/${encodeURIComponent(String(pipelineId))}/reports?filename=${encodeURIComponent(name)}`;
      const reply = await send(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: bytes }, deps);
      if (reply.status === 200 || reply.status === 201) io.stdout(`${prefix}: uploaded (${bytes.byteLength} bytes): ${scanLine(reply.body)}\n`);
      else if (reply.status === 409) io.stdout(`${prefix}: already uploaded to this pipeline; skipped\n`);
      else {
        io.stderr(`${prefix}: refused: ${explain(reply)}\n`);
        failures++;
        // No point sending the rest when the token or the project is wrong.
        if (reply.status === 401 || reply.status === 403 || reply.status === 404) break;
      }
    } catch (error) {
      io.stderr(`${prefix}: ${describeFailure(error, base)}\n`);
      failures++;
      break;
    }
  }
  if (failures > 0) {
    io.stderr(`bulwark: ${failures} report(s) not uploaded\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

export function registerUploadCommand(program: Command, setExitCode: (code: number) => void, signal: AbortSignal): void {
  program
    .command('upload')
    .description('send a folder of reports to a Bulwark server as one pipeline')
    .argument('<dir>', 'folder holding gl-*.json, *.sarif and *.cdx.json reports')
    .option('--server <url>', 'Bulwark server, e.g. https://bulwark.example.com')
    .option('--project <id|path>', 'project id or full path (group/project)')
    .option('--ref <ref>', 'branch or tag the reports are for')
    .option('--sha <sha>', 'commit the reports are for')
    .option('--token <token>', 'personal access token with the api scope (default: $BULWARK_TOKEN)')
    .action(async (dir: string, flags: UploadFlags) => {
      const io: CommandIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
      setExitCode(await uploadCommand(dir, flags, { io, env: process.env, signal }));
    });
}
