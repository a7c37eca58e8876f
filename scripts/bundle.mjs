// Bundles the CLI and the worker-thread entry into one file each. Loading ~170 ES modules one by
// one cost about 400 ms of every run; one file costs a few tens. Type checking stays with tsc.
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Piscina finds its own worker script beside its files on disk, so it is loaded from node_modules.
  external: ['piscina'],
  // CommonJS dependencies call require(); give the ES module bundle a real one.
  banner: { js: "import { createRequire as __bulwarkCreateRequire } from 'node:module'; const require = __bulwarkCreateRequire(import.meta.url);" },
};

// Both land in dist/cli/: the pool finds `./worker.js` beside the code that starts it, and the
// version reader finds `../../package.json`, as in the unbundled layout.
await build({ ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js' });
await build({ ...shared, entryPoints: ['src/engine/pool/worker.ts'], outfile: 'dist/cli/worker.js' });
