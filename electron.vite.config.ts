import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './core/content-security-policy';

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
    plugins: [
      react(),
      // index.html's CSP <meta> is the one policy of core/, so the two cannot drift apart.
      { name: 'fieldbook-csp', transformIndexHtml: (html: string) => html.replace('%FIELDBOOK_CSP%', CONTENT_SECURITY_POLICY) },
      // The browser build's service worker (out/renderer/sw.js): it precaches the app shell so the
      // app opens with no network after its first visit, and a new build waits until the person
      // reloads (renderer/src/app/app-update.tsx registers it, in the browser build only: the
      // desktop app serves its files itself from app://). Only the build's own files are cached,
      // never the company server's answers (/api, /health), which always go to the network.
      VitePWA({
        strategies: 'generateSW',
        registerType: 'prompt',
        // Registered by app-update.tsx: an injected inline script would break the CSP, and the
        // desktop app must not register it at all.
        injectRegister: false,
        manifest: false,
        workbox: {
          globPatterns: ['**/*.{html,js,css,png}'],
          // The app is one bundle of about 5 MB (the default limit, 2 MiB, would leave it out).
          maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
          // The app's own address opens the app, with any query (?demo=N) and whatever screen its
          // #hash names. Any other address goes to the network: the company server's own (/api,
          // /health), and a screen typed without the '#' ("/settings"), which the server sends to
          // "./#/settings" (server/http-error.ts appPageRedirect). Answered here with index.html,
          // the router would show the client list there, and at "/clients/42" nothing at all: the
          // app's files are named relative to index.html ("./assets/…").
          navigateFallback: 'index.html',
          navigateFallbackAllowlist: [/^\/(index\.html)?(\?.*)?$/],
          navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/health$/],
          cleanupOutdatedCaches: true,
          // One file, so the server's no-cache rule for it (server/app.ts) covers all of it.
          inlineWorkboxRuntime: true,
        },
      }),
    ],
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
