/**
 * The sync endpoints: POST /api/sync/push, /pull, /snapshot, and the attachment endpoints
 * (./attachments.ts). Each body is validated with the
 * protocol's zod schema (400 with the reason, nothing written), the app's schema version is
 * checked (426 when the app must be updated), and the device comes from the auth layer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { SYNC_SCHEMA_VERSION, pullRequestSchema, pushRequestSchema, snapshotRequestSchema, type CursorAheadError } from '../../core/sync/protocol';
import { registerAttachmentRoutes } from './attachments';
import { registerChangeLogRoutes } from './change-log';
import { ScopeError, pull, snapshot, wireJson } from './pull';
import { applyPush } from './push';
import type { SqlTransactor, SyncDevice } from './sql';

/** A full push batch (500 operations of a few KB) fits; anything bigger is refused unread. */
export const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The oldest laptop schema this server still syncs with. 3: the catalog, offers, activities and
 * stock requests (2 added events, leads and tasks). An older laptop has no tables for them: it
 * would drop them while its cursor moved past, and never receive them after its upgrade, so it
 * is told to update instead.
 */
export const MIN_CLIENT_SCHEMA_VERSION = 3;

export interface SyncRouteDeps {
  db: SqlTransactor;
  /** The authenticated device of a request (the auth hook has already refused the rest). */
  deviceOf(request: FastifyRequest): SyncDevice;
}

const cursorAhead = (e: CursorAheadError) => ({
  ...e,
  message: `This laptop's sync position is beyond the server's newest change (${e.newest}): the server's data was restored or replaced. The laptop fetches its clients again and keeps its unsent changes.`,
});

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}

function parse<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.infer<S> | null {
  const result = schema.safeParse(request.body);
  if (!result.success) {
    void reply.code(400).send({ error: 'bad_request', message: describe(result.error) });
    return null;
  }
  const version = (result.data as { schemaVersion: number }).schemaVersion;
  if (version < MIN_CLIENT_SCHEMA_VERSION || version > SYNC_SCHEMA_VERSION) {
    const tooOld = version < MIN_CLIENT_SCHEMA_VERSION;
    void reply.code(tooOld ? 426 : 400).send({
      error: tooOld ? 'update_required' : 'bad_request',
      message: tooOld ? `This app's data version ${version} is too old; update Fieldbook.` : `Unknown data version ${version}: this server supports up to ${SYNC_SCHEMA_VERSION}.`,
    });
    return null;
  }
  return result.data;
}

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  app.post('/api/sync/push', { bodyLimit: SYNC_BODY_LIMIT }, async (request, reply) => {
    const body = parse(pushRequestSchema, request, reply);
    if (!body) return reply;
    const outcome = await applyPush(deps.db, deps.deviceOf(request), body);
    if (outcome.ok) return outcome.response;
    if ('cursor' in outcome) return reply.code(409).send(cursorAhead(outcome.cursor));
    const { error, expectedFromSeq } = outcome.sequence;
    const message =
      error === 'sequence_gap'
        ? `The server is missing this laptop's changes before number ${body.fromSeq}: they must continue from number ${expectedFromSeq}.`
        : `The server has this laptop's changes up to number ${expectedFromSeq - 1}: send the batch that ended there again, or continue from ${expectedFromSeq}.`;
    return reply.code(409).send({ error, expectedFromSeq, message });
  });

  app.post('/api/sync/pull', async (request, reply) => {
    const body = parse(pullRequestSchema, request, reply);
    if (!body) return reply;
    const page = await pull(deps.db, deps.deviceOf(request), body);
    if ('error' in page) return reply.code(409).send(cursorAhead(page));
    return reply.type('application/json; charset=utf-8').send(wireJson(page));
  });

  app.post('/api/sync/snapshot', async (request, reply) => {
    const body = parse(snapshotRequestSchema, request, reply);
    if (!body) return reply;
    try {
      return reply.type('application/json; charset=utf-8').send(wireJson(await snapshot(deps.db, deps.deviceOf(request).user, body)));
    } catch (e) {
      if (e instanceof ScopeError) return reply.code(403).send({ error: 'not_permitted', message: e.message });
      throw e;
    }
  });

  registerAttachmentRoutes(app, deps);
  registerChangeLogRoutes(app, deps);
}
