/**
 * Serves the built renderer (out/renderer) from `app://fieldbook/` instead of file://. A
 * privileged standard scheme gives the app a real origin (so 'self' in the CSP, IndexedDB and
 * fetch behave as on the web) and keeps it away from the rest of the file system: every request
 * goes through resolveAppPath's traversal guard and gets the strict CSP header.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../core/content-security-policy';
import { contentTypeFor } from './mime-types';
import { APP_SCHEME, resolveAppPath } from './security';

/** Must run before app 'ready': scheme privileges are fixed at start-up. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });

async function readIfFile(filePath: string): Promise<Buffer | null> {
  try {
    return await readFile(filePath);
  } catch {
    return null;
  }
}

/** Serves `rendererRoot` on app://fieldbook/ for the given session. Call after app 'ready'. */
export function serveAppProtocol(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    const filePath = resolveAppPath(rendererRoot, request.url);
    if (filePath === null) return notFound();

    let servedPath = filePath;
    let body = await readIfFile(filePath);
    // Client-side routes (no file extension) get the app shell; missing assets stay 404s.
    if (body === null && path.extname(filePath) === '') {
      servedPath = path.join(rendererRoot, 'index.html');
      body = await readIfFile(servedPath);
    }
    if (body === null) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(servedPath), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS },
    });
  });
}
