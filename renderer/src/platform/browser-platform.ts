import { normalizeExternalUrl } from '../../../core/external-url';
import { fail, ok } from '../../../core/result';
import type { Platform } from './platform';

/** Set at build time from package.json (electron.vite.config.ts, renderer `define`). */
declare const __APP_VERSION__: string;

const mimeTypeFor = (fileName: string, data: string | Uint8Array): string => {
  if (/\.pdf$/i.test(fileName)) return 'application/pdf';
  if (/\.csv$/i.test(fileName)) return 'text/csv;charset=utf-8';
  if (/\.json$/i.test(fileName)) return 'application/json';
  return typeof data === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream';
};

/**
 * The browser platform: the same app in a plain browser tab (the fallback when no Electron
 * runtime is available, and how the app is tested end to end).
 */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile: async ({ suggestedName, data }) => {
      // A browser cannot tell whether the user kept the download; `saved` means it was offered.
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      const url = URL.createObjectURL(new Blob([part], { type: mimeTypeFor(suggestedName, data) }));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        link.rel = 'noopener';
        link.style.display = 'none';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Revoke after the click has been handled; revoking synchronously can cancel it.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return ok({ saved: true });
    },
    printToPdf: async () => {
      // The browser's print dialog offers "Save as PDF"; we cannot know what the user chose.
      window.print();
      return ok({ saved: false });
    },
    openExternal: async (raw) => {
      const url = normalizeExternalUrl(raw);
      if (url === null) return fail('This link cannot be opened.');
      // noopener: the opened page gets no handle on this tab (reverse tabnabbing).
      window.open(url, '_blank', 'noopener,noreferrer');
      return ok(null);
    },
    // Opened from a company server (npm start's, or a company's), that server is the default.
    appInfo: async () => ({
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
      dataFolder: null,
      computerName: null,
      serverUrl: /^https?:$/.test(window.location.protocol) ? window.location.origin + '/' : null,
    }),
    // A browser has no keychain the page can use: the caller keeps secrets in IndexedDB.
    saveSecret: async () => false,
    loadSecret: async () => null,
    // The browser's own menus and dialogs are the browser's, in its language.
    setLanguage: async () => {},
    onMenuCommand: () => () => {},
  };
}
