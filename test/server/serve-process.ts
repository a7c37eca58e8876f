// Entry of the server process the crash tests start (bundled by ./spawn.ts): the real
// startServer, listening on a free port, printing its URL as one JSON line.
import { loadConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/main.js';

const config = loadConfig({ port: '0' }, process.env);
if (!config.ok) {
  process.stderr.write(`${config.error}\n`);
  process.exit(2);
}
const server = await startServer(config.value, { logger: false });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
await server.stopped;
