import type { Server } from 'node:http';

/** Serves a built renderer folder (out/renderer unless `root` says another) over HTTP on loopback. */
export function serveRenderer(options?: { host?: string; port?: number; root?: string }): Promise<{ url: string; server: Server }>;
