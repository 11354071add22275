import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer as a plain web app, served by the server at /studio (same origin as the API).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': process.env.PROMO_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
