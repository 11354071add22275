import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Bundles main, preload and the renderer for Electron. The renderer goes to out/app (relative
// base, loaded from file://) so it never clobbers the web build in out/renderer.
export default defineConfig({
  main: {
    build: { outDir: 'out/main', externalizeDeps: true },
  },
  preload: {
    // Sandboxed preloads cannot require modules nor be ES modules: one self-contained CJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/app'),
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
