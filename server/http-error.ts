/**
 * Every error answer has the same shape, `{ error, message }` (core/sync/protocol.ts
 * `SyncErrorBody`): a stable code the app explains, and a sentence a person can act on.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';

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

export function installErrorHandlers(app: FastifyInstance): void {
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
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` }),
  );
}
