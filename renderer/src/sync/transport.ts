/**
 * HTTP to the company server. Every answer is turned into a value or a `SyncFailure` with a
 * code the app explains — a sync never fails with an unexplained error.
 */
import { SYNC_SCHEMA_VERSION } from '../../../core/sync/protocol';

export type SyncFailureCode =
  | 'offline' // no network, or the server could not be reached
  | 'unauthorized' // the token is unknown: sign in again
  | 'device_revoked' // this laptop was revoked: wipe
  | 'update_required' // the app is older than the server supports
  | 'sequence_gap' // the server lacks earlier changes of this laptop
  | 'out_of_sequence' // the server has this laptop's changes up to body.expectedFromSeq - 1 (see the push loop)
  | 'cursor_ahead' // the laptop's sync position is beyond the server's newest change: fetch the scope again
  | 'bad_request'
  | 'not_a_server' // something answered that is not a company server (not JSON)
  | 'server_error';

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface Transport {
  post<T>(path: string, body: unknown): Promise<{ value: T; bytes: number }>;
  /** GET with a JSON answer (an attachment's upload status). */
  get<T>(path: string): Promise<{ value: T; bytes: number }>;
  /** PUT raw bytes (an attachment chunk) with a JSON answer. */
  putBytes<T>(path: string, body: Uint8Array): Promise<{ value: T; bytes: number }>;
  /** GET raw bytes (an attachment's content); an error answer becomes a SyncFailure as usual. */
  getBytes(path: string): Promise<{ value: Uint8Array; bytes: number }>;
}

function parseJson(text: string): Record<string, unknown> | null {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * The value of a server answer, or the SyncFailure it means. Shared by the HTTP transport and
 * tests that talk to the server in process.
 */
export function interpretAnswer<T>(status: number, text: string): T {
  const json = parseJson(text);
  if (json === null) throw new SyncFailure('not_a_server', `The server answered ${status} with something that is not JSON.`);
  if (status >= 200 && status < 300) return json as T;
  const message = typeof json.message === 'string' ? json.message : `HTTP ${status}`;
  if (status === 401) throw new SyncFailure(json.error === 'device_revoked' ? 'device_revoked' : 'unauthorized', message, json);
  if (status === 426) throw new SyncFailure('update_required', message, json);
  if (status === 409 && (json.error === 'sequence_gap' || json.error === 'out_of_sequence' || json.error === 'cursor_ahead')) throw new SyncFailure(json.error, message, json);
  if (status >= 400 && status < 500) throw new SyncFailure('bad_request', message, json);
  throw new SyncFailure('server_error', message, json);
}

export function httpTransport(serverUrl: string, token: string | null, timeoutMs = 60_000): Transport {
  const send = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: string | Uint8Array): Promise<Response> => {
    try {
      return await fetch(new URL(path, serverUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/json' : 'application/octet-stream' }),
          'x-fieldbook-schema': String(SYNC_SCHEMA_VERSION),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: body as BodyInit }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new SyncFailure('offline', e instanceof Error ? e.message : String(e));
    }
  };
  const json = async <T>(response: Response, sent: number) => {
    const text = await response.text();
    return { value: interpretAnswer<T>(response.status, text), bytes: sent + text.length };
  };
  return {
    async post<T>(path: string, body: unknown) {
      const payload = JSON.stringify(body);
      return json<T>(await send('POST', path, payload), payload.length);
    },
    get: async <T>(path: string) => json<T>(await send('GET', path), 0),
    putBytes: async <T>(path: string, body: Uint8Array) => json<T>(await send('PUT', path, body), body.byteLength),
    async getBytes(path: string) {
      const response = await send('GET', path);
      if (!response.ok) return json<never>(response, 0);
      const value = new Uint8Array(await response.arrayBuffer());
      return { value, bytes: value.byteLength };
    },
  };
}
