import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  normalizeExternalUrl,
  resolveAppPath,
} from './security';
import { contentTypeFor } from './mime-types';

const dev = { devServerUrl: 'http://localhost:5173/' };

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com/',
    'https://example.com/path?q=1#frag',
    'http://example.com',
    'http://localhost:3000/x',
    'mailto:anna@example.com',
    'mailto:anna@example.com?subject=Offer',
    'tel:+4930123456',
    'tel:+1-555-0100',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['javascript: with leading space', ' javascript:alert(1)'],
    ['javascript: with newline', 'javascript\n:alert(1)'],
    ['data: html', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: windows share', 'file://server/share/x.exe'],
    ['smb:', 'smb://server/share'],
    ['custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['app origin itself', 'app://fieldbook/index.html'],
    ['about:blank', 'about:blank'],
    ['blob:', 'blob:https://example.com/uuid'],
    ['http with credentials', 'https://user:pass@example.com/'],
    ['http with username only (bank.com@evil)', 'https://bank.com@evil.example/'],
    ['mailto without address', 'mailto:?subject=x'],
    ['tel with letters', 'tel:1-800-CALL-NOW'],
    ['tel with script', 'tel:javascript:alert(1)'],
    ['relative URL', '/clients/1'],
    ['protocol-relative URL', '//evil.example/'],
    ['empty string', ''],
    ['unicode line separator', 'https://example.com/\u2028'],
    ['very long URL', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it.each([undefined, null, 42, {}, ['https://example.com']])('refuses non-string %j', (value) =>
    expect(isAllowedExternalUrl(value)).toBe(false),
  );

  it('returns the normalised URL to open', () => {
    expect(normalizeExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });
});

describe('isAppUrl / isAllowedNavigation', () => {
  it.each([APP_INDEX_URL, 'app://fieldbook/', 'app://fieldbook/clients/42?tab=contacts#x'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    ['another app host', 'app://evil/'],
    ['look-alike subdomain', 'app://fieldbook.evil.com/'],
    ['host with suffix', 'app://fieldbookx/'],
    ['port on the app host', 'app://fieldbook:8080/'],
    ['credentials on the app host', 'app://user@fieldbook/'],
    ['file URL', 'file:///etc/passwd'],
    ['https site', 'https://evil.example/'],
    ['dev server URL without dev mode', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('accepts the dev server origin only when configured', () => {
    expect(isAppUrl('http://localhost:5173/clients', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://user:pw@localhost:5173/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app main frame', () => expect(isTrustedSender({ url: 'app://fieldbook/index.html', isMainFrame: true })).toBe(true));
  it.each([
    ['no frame (navigated or destroyed)', null],
    ['an embedded frame of the app', { url: 'app://fieldbook/index.html', isMainFrame: false }],
    ['a frame on another app host', { url: 'app://evil/index.html', isMainFrame: true }],
    ['a look-alike host', { url: 'app://fieldbook.evil.com/', isMainFrame: true }],
    ['a web page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a local file', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
  ])('refuses %s', (_label, frame) => expect(isTrustedSender(frame)).toBe(false));
});

describe('isPermissionAllowed', () => {
  const app = 'app://fieldbook/index.html#/capture';
  it('allows the camera for the app’s lead capture screen', () =>
    expect(isPermissionAllowed({ permission: 'media', mediaTypes: ['video'], requestingUrl: app })).toBe(true));
  it.each([
    ['microphone', { permission: 'media', mediaTypes: ['audio'], requestingUrl: app }],
    ['camera with microphone', { permission: 'media', mediaTypes: ['video', 'audio'], requestingUrl: app }],
    ['media without types', { permission: 'media', mediaTypes: [], requestingUrl: app }],
    ['unknown media type', { permission: 'media', mediaTypes: ['unknown'], requestingUrl: app }],
    ['camera for another origin', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'https://evil.example/' }],
    ['camera for a look-alike host', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'app://fieldbook.evil.com/' }],
    ['camera without origin', { permission: 'media', mediaTypes: ['video'] }],
    ['camera for another screen of the app', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'app://fieldbook/index.html#/clients' }],
    ['camera for the app without a route', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'app://fieldbook/index.html' }],
    ['camera for a look-alike route', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'app://fieldbook/index.html#/capture-evil' }],
    ['camera for the route on a look-alike host', { permission: 'media', mediaTypes: ['video'], requestingUrl: 'app://fieldbook.evil.com/#/capture' }],
    ['geolocation', { permission: 'geolocation', requestingUrl: app }],
    ['notifications', { permission: 'notifications', requestingUrl: app }],
    ['clipboard read', { permission: 'clipboard-read', requestingUrl: app }],
    ['screen capture', { permission: 'display-capture', requestingUrl: app }],
    ['open external', { permission: 'openExternal', requestingUrl: app }],
  ])('denies %s', (_label, request) => expect(isPermissionAllowed(request)).toBe(false));
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/fieldbook/out/renderer');
  const inRoot = (relative: string) => path.join(root, relative);

  it.each([
    ['app://fieldbook/', 'index.html'],
    ['app://fieldbook/index.html', 'index.html'],
    ['app://fieldbook/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://fieldbook/assets/font%20name.woff2', 'assets/font name.woff2'],
    ['app://fieldbook/assets/app.css?v=1#x', 'assets/app.css'],
    // The URL parser itself folds these dot segments back to the root: still inside it.
    ['app://fieldbook/../../etc/passwd', 'etc/passwd'],
    ['app://fieldbook/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['app://fieldbook/assets/../index.html', 'index.html'],
  ])('maps %s inside the root', (url, relative) => expect(resolveAppPath(root, url)).toBe(inRoot(relative)));

  it.each([
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://fieldbook/index.html'],
    ['another host', 'app://evil/index.html'],
    ['look-alike host', 'app://fieldbook.evil.com/index.html'],
    ['port', 'app://fieldbook:1234/index.html'],
    ['credentials', 'app://a:b@fieldbook/index.html'],
    ['encoded slash traversal', 'app://fieldbook/..%2f..%2fetc%2fpasswd'],
    ['encoded dot-dot-slash', 'app://fieldbook/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['mixed-case encoding', 'app://fieldbook/%2E%2E%2Fetc%2Fpasswd'],
    ['encoded backslash', 'app://fieldbook/..%5c..%5cwindows%5cwin.ini'],
    ['backslash', 'app://fieldbook/..\\..\\etc\\passwd'],
    ['double encoding', 'app://fieldbook/%252e%252e%252fetc%252fpasswd'],
    ['double-encoded slash', 'app://fieldbook/..%252f..%252fetc'],
    ['NUL byte', 'app://fieldbook/index.html%00.png'],
    ['malformed escape', 'app://fieldbook/%E0%A4%A'],
    ['drive letter', 'app://fieldbook/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://fieldbook/C%3A%5CWindows'],
    ['not a URL', '../../etc/passwd'],
  ])('refuses %s', (_label, url) => expect(resolveAppPath(root, url)).toBeNull());

  it('guards Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Fieldbook\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath(winRoot, 'app://fieldbook/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath(winRoot, 'app://fieldbook/..%5c..%5cx', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://fieldbook/D:%5Cx', path.win32)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/index-1.CSS', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/unknown.xyz', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
