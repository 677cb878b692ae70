/**
 * What the server accepts on the wire, before any route sees a request: how long a client may
 * take to send one, and which requests are refused outright because the server would misread
 * them (a compressed or non-UTF-8 body, no Host, an overlong address).
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { HttpError, MAX_URL_LENGTH, clientErrorHandler, frameworkErrorHandler } from './http-error';

/**
 * How long a client may take, in milliseconds. A request whose body stops part-way used to hold
 * its connection (and the part of the body already buffered, up to the 8 MiB push limit) for
 * ever: a few hundred such connections tie the server up.
 */
export interface WireTimeouts {
  /** Everything up to the end of the headers. */
  headersMs: number;
  /** The whole request, headers and body (answered 408 when it runs out). */
  requestMs: number;
  /** No byte in either direction on a connection: it is closed. */
  idleMs: number;
  /** An open connection between two requests. */
  keepAliveMs: number;
}

/**
 * Production values. The laptop gives up on any request after 60 s (renderer/src/sync/
 * transport.ts), so the server never needs to wait longer than that for a stalled one:
 * - idle 60 s: a connection where nothing moves for a minute, in either direction, is dead or
 *   abandoned — the laptop has already retried. (It also covers the server's own work on a
 *   request: a push waiting behind an import's lock takes seconds, not a minute.)
 * - request 120 s: twice the laptop's limit, for the largest body from the slowest network. A
 *   full push batch (8 MiB at most; 500 operations of a few KB are 1–2 MB) on a hotel network
 *   giving 0.5 Mbit/s upstream takes 30–130 s; an attachment chunk (256 KiB) 4 s. Anything
 *   slower is a network the laptop itself gives up on.
 * - headers 30 s: headers are under a kilobyte and come in one round trip; 30 s is generous.
 * - keep-alive 72 s (Fastify's default): longer than a load balancer's usual 60 s idle timeout,
 *   so the balancer, not the server, closes an idle connection (the other way round, a request
 *   the balancer sends at the same moment is lost with a 502).
 */
export const DEFAULT_TIMEOUTS: WireTimeouts = { headersMs: 30_000, requestMs: 120_000, idleMs: 60_000, keepAliveMs: 72_000 };

/** The Fastify options that set the timeouts and the error answers of Node's HTTP layer. */
export function wireServerOptions(timeouts: WireTimeouts): Partial<FastifyServerOptions> & { http: object } {
  return {
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      // Node checks the header and request timeouts on this interval (30 s by default, which
      // would let a stalled request live up to 30 s past its limit).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4))),
      // Node answers a missing Host with an empty 400 of its own; the hook below answers it
      // in the documented shape instead.
      requireHostHeader: false,
    },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // Fastify's own 503 for a request that reaches a closing server is not in the documented
    // shape; the request is served instead (the database closes after the server).
    return503OnClosing: false,
  };
}

const unsupported = (message: string) => new HttpError(415, 'unsupported_media_type', message, {}, { 'accept-encoding': 'identity' });

/** The charset named in a Content-Type, lower-case and unquoted, or null when none is named. */
function charsetOf(contentType: string): string | null {
  for (const param of contentType.split(';').slice(1)) {
    const [name, ...value] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return null;
}

/**
 * Refuses, on every route (404s included), what the server would otherwise misread: a body it
 * would parse compressed bytes of (it decodes none), a body in another charset (decoded as
 * UTF-8 anyway, every accented letter turned into U+FFFD and stored so), an HTTP/1.1 request
 * without Host, an address longer than any the app uses. Registered after CORS, so a refusal
 * still carries the CORS headers the browser build needs to read it.
 */
export function installWireChecks(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const { headers } = request;
    if (request.raw.httpVersion === '1.1' && !headers.host) throw new HttpError(400, 'bad_request', 'An HTTP/1.1 request needs a Host header.');
    if (request.url.length > MAX_URL_LENGTH) throw new HttpError(414, 'uri_too_long', `The address is longer than ${MAX_URL_LENGTH} characters.`);
    const encodings = (headers['content-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase());
    const unread = encodings.filter((e) => e !== '' && e !== 'identity');
    if (unread.length) throw unsupported(`The server does not read Content-Encoding ${unread.join(', ')}: send the body uncompressed.`);
    const transfer = (headers['transfer-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase());
    const unreadTransfer = transfer.filter((e) => e !== '' && e !== 'chunked');
    if (unreadTransfer.length) throw unsupported(`The server does not read Transfer-Encoding ${unreadTransfer.join(', ')}: send the body uncompressed.`);
    const charset = headers['content-type'] ? charsetOf(headers['content-type']) : null;
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      throw unsupported(`The server reads UTF-8 only, not charset ${JSON.stringify(charset.slice(0, 40))}.`);
    }
  });

  // JSON bodies are UTF-8 (RFC 8259); bytes that are not are refused rather than decoded into
  // U+FFFD, which would be stored as if the laptop had sent it. Otherwise Fastify's own parser
  // (with its prototype-poisoning checks) does the parsing.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (!isUtf8(body)) {
      done(new HttpError(400, 'bad_request', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  });
}
