/**
 * Security predicates for the main process: small pure functions (no electron import) so they
 * can be table-tested with hostile inputs. The wiring lives in web-contents-guards.ts,
 * app-protocol.ts and ipc.ts.
 */
import path from 'node:path';

export { isAllowedExternalUrl, normalizeExternalUrl } from '../../core/external-url';

/** The renderer is served from `app://fieldbook/` (see app-protocol.ts), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Where trusted app content comes from. `devServerUrl` is electron-vite's dev server
 * (ELECTRON_RENDERER_URL) and is only ever set when the app is not packaged.
 */
export type TrustedOrigins = { devServerUrl?: string | undefined };

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True for URLs of the app itself: exactly `app://fieldbook/…` (no port, no credentials — a
 * prefix test would let `app://fieldbook.evil.com` through), or the dev server's origin in dev.
 */
export function isAppUrl(raw: unknown, trusted: TrustedOrigins = {}): boolean {
  const url = parse(raw);
  if (!url || url.username !== '' || url.password !== '') return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (trusted.devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const dev = parse(trusted.devServerUrl);
    return dev !== null && url.origin === dev.origin;
  }
  return false;
}

/**
 * Whether an IPC message may be acted on: it must come from the app's own top-level frame. A
 * frame that navigated elsewhere, or an embedded frame, gets nothing from the desktop API.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined, trusted: TrustedOrigins = {}): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url, trusted);
}

/** Navigation inside the window is only ever to the app itself. */
export const isAllowedNavigation = (raw: unknown, trusted: TrustedOrigins = {}): boolean => isAppUrl(raw, trusted);

/** The screen that may use the camera (badge QR codes, card photos): the lead capture route. */
export const CAMERA_ROUTE = '#/capture';

/**
 * Permissions: everything is denied except the camera for lead capture (badge codes and
 * business-card photos), and only for the app's own lead capture screen. Microphone, screen
 * capture, geolocation, notifications, HID/USB/serial and the rest are refused.
 */
export function isPermissionAllowed(
  request: { permission: string; mediaTypes?: readonly string[] | undefined; requestingUrl?: string | undefined },
  trusted: TrustedOrigins = {},
): boolean {
  if (request.permission !== 'media') return false;
  const types = request.mediaTypes ?? [];
  if (types.length === 0 || !types.every((type) => type === 'video')) return false;
  if (!isAppUrl(request.requestingUrl, trusted)) return false;
  const hash = new URL(request.requestingUrl as string).hash;
  return hash === CAMERA_ROUTE || hash.startsWith(`${CAMERA_ROUTE}?`) || hash.startsWith(`${CAMERA_ROUTE}/`);
}

type PathApi = Pick<typeof path, 'resolve' | 'sep' | 'isAbsolute'>;

/**
 * Maps an `app://fieldbook/<path>` request to a file under `root`, or null when the request must
 * be refused: another scheme or host, credentials or a port, undecodable or double-encoded
 * escapes, backslashes, NUL bytes, drive letters, `..` segments (also when percent-encoded), or
 * anything that would resolve outside `root`. `/` maps to index.html.
 */
export function resolveAppPath(root: string, requestUrl: string, pathApi: PathApi = path): string | null {
  const url = parse(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // After one decode no escape may remain (double encoding such as %252e%252e%252f), and no
  // character that Windows treats as a separator or drive marker may appear.
  if (/[%\\:\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = pathApi.resolve(root);
  const resolved = pathApi.resolve(base, relative);
  // Belt and braces: whatever the parsing above missed, the result must stay inside root.
  if (!resolved.startsWith(base.endsWith(pathApi.sep) ? base : base + pathApi.sep)) return null;
  return resolved;
}
