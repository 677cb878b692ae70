/**
 * Whether the app was opened from a Fieldbook company server (the browser build served by the
 * embedded demo server, or by a company's own). Then the laptop's client base comes from that
 * server by sync, and no offline demo base is made up locally.
 */
const REMEMBERED_KEY = 'fieldbook.servedByCompanyServer';

export async function servedByCompanyServer(): Promise<boolean> {
  if (!/^https?:$/.test(window.location.protocol)) return false;
  let answer: Response;
  try {
    answer = await fetch('/health', { signal: AbortSignal.timeout(1500) });
  } catch {
    // No answer: the browser build opened offline from its service worker's copy. An address
    // that was a company server is one still (an empty laptop stays empty until sign-in).
    return localStorage.getItem(REMEMBERED_KEY) === 'yes';
  }
  const body = (await answer.json().catch(() => null)) as { status?: unknown; migrations?: unknown } | null;
  // Its health report, even one saying the database is down (503), names a company server.
  const isServer = typeof body?.status === 'string' && typeof body.migrations === 'object';
  if (isServer) localStorage.setItem(REMEMBERED_KEY, 'yes');
  else localStorage.removeItem(REMEMBERED_KEY);
  return isServer;
}
