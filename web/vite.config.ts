import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run build` writes the UI to dist/web, which `bulwark serve` serves at /.
// `npm run dev:web` serves it with hot reload and sends /api to a `bulwark serve` on port 8080
// (BULWARK_API_URL to point elsewhere).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.BULWARK_API_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
