/**
 * Whether the app was opened from a Fieldbook company server (the browser build served by the
 * embedded demo server, or by a company's own). Then the laptop's client base comes from that
 * server by sync, and no offline demo base is made up locally.
 */
export async function servedByCompanyServer(): Promise<boolean> {
  if (!/^https?:$/.test(window.location.protocol)) return false;
  try {
    const res = await fetch('/health', { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: unknown; migrations?: unknown };
    return typeof body.status === 'string' && typeof body.migrations === 'object';
  } catch {
    return false;
  }
}
