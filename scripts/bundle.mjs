// Bundles the CLI and the worker-thread entries. Loading ~170 ES modules one by one cost about
// 400 ms of every run; a bundle costs a few tens. The CLI is split at its dynamic imports (one
// chunk per command, the server, the tree analyzers…) so that `scan --scanners secrets` parses
// about a third of it. Type checking stays with tsc.
import { cpSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Loaded from node_modules: Piscina finds its worker script beside its own files, PGlite its
  // WebAssembly and data files, and pg's optional native binding must stay optional.
  external: ['piscina', 'playwright-core', '@electric-sql/pglite', 'pg', 'pg-native'],
  // CommonJS dependencies call require(); give the ES module bundle a real one.
  banner: { js: "import { createRequire as __bulwarkCreateRequire } from 'node:module'; const require = __bulwarkCreateRequire(import.meta.url);" },
};

/**
 * Treat every module as free of import-time side effects, so what the entry does not use is left
 * out. The worker only reads files and runs the file analyzers, but it reaches them through
 * `analyzers/index.ts`, which also imports the tree analyzers (YAML, CVSS, Dockerfile parsers):
 * without this the worker bundle is 1.7 MB instead of 0.35 MB, and every worker thread parses it
 * (about 60 ms of CPU each). None of the modules the worker needs registers anything on import.
 */
const sideEffectFree = {
  name: 'side-effect-free',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData === sideEffectFree) return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: sideEffectFree,
      });
      if (resolved.errors.length > 0) return undefined;
      if (resolved.external) return { path: resolved.path, external: true };
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

// Both land in dist/cli/: the pool finds `./worker.js` beside the code that starts it, and the
// version reader finds `../../package.json`, as in the unbundled layout.
// Chunks sit beside main.js, not in a subfolder: modules find `./worker.js`, `./migrations` and
// `../sast-rules` relative to their own URL, which must stay dist/cli/ whichever chunk they land in.
const CHUNK_PREFIX = 'chunk-';
const cli = await build({
  ...shared,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  splitting: true,
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  metafile: true,
});
removeStaleChunks('dist/cli', new Set(Object.keys(cli.metafile.outputs).map((path) => path.split('/').pop())));
await build({ ...shared, entryPoints: ['src/engine/pool/worker.ts'], outfile: 'dist/cli/worker.js', plugins: [sideEffectFree] });
await build({ ...shared, entryPoints: ['src/analyzers/sast/parallel/sast-worker.ts'], outfile: 'dist/cli/sast-worker.js', plugins: [sideEffectFree] });

// Data the bundle reads at run time from beside itself: the server's SQL migrations
// (dist/cli/migrations) and the packaged SAST rules (dist/sast-rules, YAML only: fixtures stay in src).
cpSync('src/server/db/migrations', 'dist/cli/migrations', { recursive: true });
cpSync('src/analyzers/sast/rules', 'dist/sast-rules', {
  recursive: true,
  filter: (path) => statSync(path).isDirectory() || /\.ya?ml$/.test(path),
});
await packSastRules('dist/sast-rules');
await packSecretKeywords('dist/cli');

/**
 * The packaged SAST rules parsed and checked once here, written beside the YAML copies
 * (dist/sast-rules/rules.json): a scan then reads one JSON file instead of parsing 150 YAML files
 * (about 0.8 s of CPU). The loader comes from tsc's output, which the build script makes first.
 */
async function packSastRules(dir) {
  const loader = await import(new URL('../dist/analyzers/sast/rules/loader.js', import.meta.url).href);
  const packed = loader.packRules(dir);
  if (packed.text === undefined) throw new Error(`packaged SAST rules do not load:\n${packed.problems.map((p) => p.message).join('\n')}`);
  writeFileSync(join(dir, loader.PACKED_RULES_FILE), packed.text);
}

/**
 * The built-in secret rules' keyword automaton, built once here and written beside the bundle
 * (dist/cli/secret-keywords.bin): each scan thread loads it instead of building it (30–45 ms of
 * cold start each). From tsc's output, like the SAST rules above.
 */
async function packSecretKeywords(dir) {
  const dist = (path) => import(new URL(`../dist/analyzers/secrets/${path}`, import.meta.url).href);
  const [{ DEFAULT_SECRET_RULES }, { keywordSpec }, { compileKeywordTable }, packed] = await Promise.all([
    dist('analyzer.js'),
    dist('engine/scan-text.js'),
    dist('engine/keyword-automaton.js'),
    dist('engine/packed-keywords.js'),
  ]);
  const spec = keywordSpec(DEFAULT_SECRET_RULES);
  writeFileSync(join(dir, packed.PACKED_KEYWORDS_FILE), packed.packKeywordTable(spec, compileKeywordTable(spec)));
}

/**
 * Chunk names change with their content. Old ones are removed once they are ten minutes old: a
 * CLI started from the previous build (a benchmark, another build's tests) may still import them.
 */
function removeStaleChunks(dir, current) {
  const cutoff = Date.now() - 10 * 60 * 1000;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(CHUNK_PREFIX) || current.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
  }
}
