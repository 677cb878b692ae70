import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };

// One build for the three runtimes. The renderer output (out/renderer) is also what the browser
// build serves: the same app, with the browser platform implementation chosen at start.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('electron/main/index.ts') },
      // Bundle zod and the core/ modules into out/main so the packaged app needs no node_modules.
      externalizeDeps: false,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules and cannot require anything but 'electron', so
      // the preload is one self-contained CommonJS file: out/preload/index.cjs. (It carries zod
      // along with core/ipc-contract.ts; zod's module side effects defeat tree-shaking.)
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    define: {
      // Shown by the browser build's appInfo(); the desktop build asks the main process.
      __APP_VERSION__: JSON.stringify(version),
    },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
