/**
 * The renderer's Content Security Policy, one definition for the places that enforce it: the
 * `app://` protocol handler (response header) and the `<meta>` tag in renderer/index.html, which
 * the build fills with CONTENT_SECURITY_POLICY (electron.vite.config.ts). Why each directive:
 * - script-src 'self' only: no inline script, no eval, no remote code — the main XSS backstop.
 * - style-src 'unsafe-inline': Mantine writes its CSS variables into inline <style> tags.
 * - img-src data: blob:: client logos, camera snapshots and PDF previews are data:/blob: URLs.
 * - worker-src 'self': the demo-seeding worker and the browser build's service worker (sw.js) are
 *   files of the app; no blob: or remote workers. (The service worker's own fetches are its own:
 *   it caches the app's files, never the company server's answers.)
 * - connect-src https: and loopback: the company server (its address is a setting, so it cannot be
 *   listed here; https only, except the embedded server on this machine).
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['worker-src', "'self'"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' https: http://localhost:* http://127.0.0.1:*"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

const join = (list: ReadonlyArray<readonly [string, string]>) => list.map(([name, value]) => `${name} ${value}`).join('; ');

/** For a `<meta http-equiv="Content-Security-Policy">` tag (frame-ancestors is ignored there). */
export const CONTENT_SECURITY_POLICY = join(directives);

/** For the HTTP response header, which can also forbid framing the app. */
export const CONTENT_SECURITY_POLICY_HEADER = join([...directives, ['frame-ancestors', "'none'"]]);
