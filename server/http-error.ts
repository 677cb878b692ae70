/**
 * Every error answer has the same shape, `{ error, message }` (core/sync/protocol.ts
 * `SyncErrorBody`): a stable code the app explains, and a sentence a person can act on. That
 * includes the answers Fastify and Node's HTTP parser give before any route runs (a malformed
 * request line, headers too large, a bad address): they had shapes of their own.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Longer addresses are refused (414): the app's longest is an attachment's, ~130 characters. */
export const MAX_URL_LENGTH = 2048;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Fastify's own client errors, under codes the app can rely on. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Validates `value` (a body, params or query string) or answers 400 with what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'bad_request', `Invalid request ${what}: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Where a browser that asked for a page at an address of the app's own (not /api, not /health,
 * not a file) is sent instead of a 404: the app's start page with the path as its screen
 * ("/settings" → "./#/settings"), relative so the app may sit under a proxy's prefix. The app's
 * screens are in the address's #hash, so the router shows the screen, or its page for an address
 * it has no screen for. Serving index.html at "/clients/123" itself would not do: its scripts
 * are named relative to it ("./assets/…"), which there is "/clients/assets/…", and the app's
 * Content Security Policy allows no <base>. Null for anything else (a JSON 404 stays).
 */
export function appPageRedirect(request: FastifyRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!/\btext\/html\b/.test(request.headers.accept ?? '')) return null;
  const [pathname = '/', search = ''] = request.url.split(/\?(.*)/s, 2);
  if (/^\/(api|health)(\/|$)/.test(pathname)) return null;
  const segments = pathname.split('/').slice(1);
  // A file ("/logo.png", "/assets/x.js") that is not there is a 404; so is a path that cannot be a screen.
  if (/\.[^/]*$/.test(pathname) || pathname.includes('#') || segments.every((s) => s === '')) return null;
  const up = segments.length > 1 ? '../'.repeat(segments.length - 1) : './';
  return `${up}${search ? `?${search}` : ''}#${pathname}`;
}

export function installErrorHandlers(app: FastifyInstance, options: { appPages?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .status(error.statusCode)
        .headers(error.headers)
        .send({ error: error.code, message: error.message, ...error.extra });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // JSON syntax errors, oversized or mistyped bodies, prototype-poisoning attempts.
      const code = FASTIFY_CODES[error.code] ?? (status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request');
      return reply.status(status).send({ error: code, message: error.message });
    }
    // Details of a server fault go to the log, never to the client.
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'server_error', message: 'The server failed to handle the request; the details are in its log.' });
  });
  app.setNotFoundHandler((request, reply) => {
    const page = options.appPages ? appPageRedirect(request) : null;
    if (page) return reply.header('cache-control', 'no-cache').redirect(page, 302);
    return reply.status(404).send({ error: 'not_found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` });
  });
}

/**
 * Errors Node's HTTP parser meets before Fastify has a request (Fastify's `clientErrorHandler`):
 * not HTTP, headers too large, a request that took longer than the request timeout. Written to
 * the socket in the documented shape, then the connection is closed.
 */
export function clientErrorHandler(this: FastifyInstance | undefined, error: ConnectionError, socket: Socket): void {
  // A connection reset: nobody is left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body = { error: 'bad_request', message: 'The request is not valid HTTP.' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = { error: 'request_timeout', message: 'The request took too long to arrive; the connection is closed.' };
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The request line counts towards the header size: an overlong address ends up here.
    // (`rawPacket` is typed as a Buffer's JSON form, but Node passes the Buffer itself.)
    const packet: unknown = error.rawPacket;
    const requestLine = Buffer.isBuffer(packet) ? (packet.subarray(0, MAX_URL_LENGTH + 64).toString('latin1').split('\r\n')[0] ?? '') : '';
    status = (requestLine.split(' ')[1] ?? '').length > MAX_URL_LENGTH ? 414 : 431;
    body =
      status === 414
        ? { error: 'uri_too_long', message: `The address is longer than ${MAX_URL_LENGTH} characters.` }
        : { error: 'headers_too_large', message: 'The request headers are too large.' };
  }
  this?.log.debug({ err: error, status }, 'client error');
  // Not when a response has begun on this connection (as Node itself does): it would be garbled.
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}

/** Errors Fastify's router meets before a route runs (`frameworkErrors`): a bad address. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send({ error: 'bad_request', message: 'The address is not valid (a broken %-escape).' });
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({ error: 'uri_too_long', message: 'A part of the address is too long.' });
  } else {
    reply.log.error({ err: error }, 'request failed');
    void reply.status(500).send({ error: 'server_error', message: 'The server failed to handle the request; the details are in its log.' });
  }
}
