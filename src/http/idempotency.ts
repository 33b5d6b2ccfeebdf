import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { decrypt, deriveKey, encrypt, sha256Hex } from '../lib/crypto.js';
import { stableStringify } from '../lib/stable-json.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { AppError } from '../lib/errors.js';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A claim older than this belongs to a request whose process died; a retry may take it over. */
const STALE_CLAIM_MS = 60_000;
/** Answers worth replaying: success, and refusals that depend only on the body. Transient refusals (409, 429, 5xx) are not kept. */
const REPLAYABLE = (status: number) => status < 400 || status === 400 || status === 404 || status === 422;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: { workspaceId: string; key: string } | null;
  }
}

/**
 * Stored responses are sealed: some carry a secret shown once (a new API key, a webhook secret),
 * and those must not sit in the database in plain text for the 24 h of replay.
 */
function sealResponse(ctx: AppContext, workspaceId: string, key: string, body: string): string {
  return encrypt(deriveKey(ctx.masterKey, 'idempotent-responses'), body, `${workspaceId}\u0000${key}`);
}

function openResponse(ctx: AppContext, workspaceId: string, key: string, sealed: string): string {
  try {
    return decrypt(deriveKey(ctx.masterKey, 'idempotent-responses'), sealed, `${workspaceId}\u0000${key}`);
  } catch {
    // Only after a master-key change: the first answer is gone, so the key cannot be replayed.
    throw new AppError(
      'IDEMPOTENCY_CONFLICT',
      'The stored response for this Idempotency-Key can no longer be read; use a new key',
    );
  }
}

type ClaimResult = { kind: 'claimed' } | { kind: 'replay'; status: number; body: string };

async function claim(
  ctx: AppContext,
  workspaceId: string,
  key: string,
  request: FastifyRequest,
  hash: string,
): Promise<ClaimResult> {
  const now = ctx.clock.now();
  const path = request.routeOptions.url ?? request.url;
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await ctx.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: workspaceId,
        key,
        method: request.method,
        path,
        request_hash: hash,
        state: 'in_progress',
        response_status: null,
        response_body: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RETENTION_MS).toISOString(),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { kind: 'claimed' };

    const row = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) continue;
    const expired = row.expires_at <= now.toISOString();
    const stale = row.state === 'in_progress' && now.getTime() - Date.parse(row.created_at) > STALE_CLAIM_MS;
    if (expired || stale) {
      // Delete exactly the row we saw, so two retries racing for it cannot both win.
      await ctx.db
        .deleteFrom('idempotency_keys')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .where('created_at', '=', row.created_at)
        .execute();
      continue;
    }
    if (row.request_hash !== hash) {
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        'This Idempotency-Key was used with another request body or endpoint',
      );
    }
    if (row.state === 'in_progress' || row.response_status === null || row.response_body === null) {
      throw new AppError(
        'IDEMPOTENCY_IN_PROGRESS',
        'A request with this Idempotency-Key is still running; retry shortly',
        undefined,
        1,
      );
    }
    return {
      kind: 'replay',
      status: row.response_status,
      body: openResponse(ctx, workspaceId, key, row.response_body),
    };
  }
  throw new AppError(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still running; retry shortly',
  );
}

async function settle(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<void> {
  const claimed = request.idempotencyClaim;
  if (!claimed) return;
  request.idempotencyClaim = null;
  const where = ctx.db
    .updateTable('idempotency_keys')
    .where('workspace_id', '=', claimed.workspaceId)
    .where('key', '=', claimed.key);
  if (REPLAYABLE(reply.statusCode) && typeof payload === 'string') {
    await where
      .set({
        state: 'done',
        response_status: reply.statusCode,
        response_body: sealResponse(ctx, claimed.workspaceId, claimed.key, payload),
      })
      .execute();
  } else {
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', claimed.workspaceId)
      .where('key', '=', claimed.key)
      .execute();
  }
}

/**
 * Idempotency-Key on creating POSTs (routes with `config.idempotent`): the first response is
 * stored for 24 h and replayed for the same key and body (DESIGN.md §4).
 */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotencyClaim', null);
  // Keys past their 24 h are only replaced when reused; the rest are swept hourly.
  let purge: Loop | undefined;
  app.addHook('onReady', async () => {
    purge = startLoop({
      name: 'idempotency purge',
      log: ctx.log,
      intervalMs: PURGE_INTERVAL_MS,
      run: async () => void (await purgeExpiredIdempotencyKeys(ctx)),
    });
  });
  app.addHook('preClose', async () => purge?.stop());
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent || !request.auth) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new AppError('VALIDATION_ERROR', 'Idempotency-Key must be 1–255 visible ASCII characters', [
        { field: 'header.idempotency-key', message: 'is invalid' },
      ]);
    }
    const path = request.routeOptions.url ?? request.url;
    const hash = sha256Hex(
      `${request.method} ${path} ${JSON.stringify(request.params)} ${stableStringify(request.body ?? null)}`,
    );
    const result = await claim(ctx, request.auth.workspaceId, key, request, hash);
    if (result.kind === 'replay') {
      return reply
        .status(result.status)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(result.body);
    }
    request.idempotencyClaim = { workspaceId: request.auth.workspaceId, key };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    await settle(ctx, request, reply, payload);
    return payload;
  });
}

/** Deletes keys past their 24 h retention. */
export async function purgeExpiredIdempotencyKeys(ctx: AppContext): Promise<number> {
  const result = await ctx.db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', ctx.clock.now().toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
