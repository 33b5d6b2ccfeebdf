import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { QueryCreator, Transaction } from 'kysely';
import { noEarlierPart, type CreationHook, type CreationPart } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';
import { stableStringify } from '../lib/stable-json.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { AppError } from '../lib/errors.js';
import { openResponse, sealResponse } from './idempotent-answers.js';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * A claim without a committed effect that is older than this belongs to a request whose process
 * died; a retry may take it over. On routes that create through `creationHookOf` that is safe even
 * if the first request is merely slow: its creation commits only while it still holds the claim.
 * Other routes wait longer before assuming the first request is gone.
 */
const STALE_CLAIM_MS = { guarded: 10_000, unguarded: 60_000 };

/**
 * How a route answers a retry whose first request created its resource but never stored an answer
 * (the process died between the commit and the response): from the resource as it is now.
 */
export interface IdempotentReplay {
  replay(request: FastifyRequest, resourceId: string): Promise<{ status: number; body: unknown }>;
}

interface Claim {
  workspaceId: string;
  key: string;
  token: string;
  /** Seals an answer for its record (sealResponse with this claim's key). */
  seal?: (body: string) => string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

const inProgress = () =>
  new AppError(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still running; retry shortly',
    undefined,
    1,
  );

/** A new claim of a key, unless the key has a record already. Compiled once: every keyed request runs it. */
const insertClaim = preparedQuery<
  {
    workspaceId: string;
    key: string;
    method: string;
    path: string;
    hash: string;
    principal: string;
    token: string;
    createdAt: string;
    expiresAt: string;
  },
  never
>((db, a) =>
  db
    .insertInto('idempotency_keys')
    .values({
      workspace_id: a.workspaceId,
      key: a.key,
      method: a.method,
      path: a.path,
      request_hash: a.hash,
      principal: a.principal,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      claim_token: a.token,
      resource_id: null,
      created_at: a.createdAt,
      expires_at: a.expiresAt,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing()),
);

/** The answer of the claim's request, stored for replay while the request still holds the claim. */
const storeAnswer = preparedQuery<
  { workspaceId: string; key: string; token: string; status: number; body: string },
  never
>((db, a) =>
  db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: a.status, response_body: a.body })
    .where('workspace_id', '=', a.workspaceId)
    .where('key', '=', a.key)
    .where('claim_token', '=', a.token),
);

type ClaimResult =
  | { kind: 'claimed'; token: string }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'replay-resource'; resourceId: string };

/** Who makes a keyed request: the API key, or the dashboard user, its record belongs to. */
interface Caller {
  workspaceId: string;
  principal: string;
}

async function claim(
  ctx: AppContext,
  { workspaceId, principal }: Caller,
  key: string,
  request: FastifyRequest,
  hash: string,
  staleAfterMs: number,
): Promise<ClaimResult> {
  const now = ctx.clock.now();
  const path = request.routeOptions.url ?? request.url;
  const keyRow = () =>
    ctx.db.selectFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('key', '=', key);
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = randomToken(12);
    const inserted = await insertClaim(ctx.db, {
      workspaceId,
      key,
      method: request.method,
      path,
      hash,
      principal,
      token,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RETENTION_MS).toISOString(),
    });
    if (Number(inserted.numAffectedRows ?? 0) > 0) return { kind: 'claimed', token };

    const row = await keyRow().selectAll().executeTakeFirst();
    if (!row) continue;
    if (row.expires_at <= now.toISOString()) {
      // Delete exactly the row we saw, so two retries racing for it cannot both win.
      await ctx.db
        .deleteFrom('idempotency_keys')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .where('created_at', '=', row.created_at)
        .execute();
      continue;
    }
    // Keys are named per workspace, but a record is its caller's: its answer may carry a secret
    // or what the caller's scopes allowed (a new all-scope key, replayed before to a key with
    // the `admin` scope alone). Checked first, so another caller learns nothing of the request.
    if (row.principal !== principal) {
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        'This Idempotency-Key was used by another caller (API key or dashboard user) of this workspace; use a key of your own',
      );
    }
    if (row.request_hash !== hash) {
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        'This Idempotency-Key was used with another request body or endpoint',
      );
    }
    if (row.state === 'done' && row.response_status !== null && row.response_body !== null) {
      return {
        kind: 'replay',
        status: row.response_status,
        body: openResponse(ctx, workspaceId, key, row.response_body),
      };
    }
    // The effect committed; its answer was never stored (or is about to be): answer from the resource.
    if (row.resource_id !== null) return { kind: 'replay-resource', resourceId: row.resource_id };
    if (now.getTime() - Date.parse(row.created_at) <= staleAfterMs) throw inProgress();
    const takenOver = await ctx.db
      .updateTable('idempotency_keys')
      .set({ claim_token: token, created_at: now.toISOString() })
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .where('state', '=', 'in_progress')
      .where('resource_id', 'is', null)
      .where('created_at', '=', row.created_at)
      .executeTakeFirst();
    if (Number(takenOver.numUpdatedRows) > 0) return { kind: 'claimed', token };
  }
  throw inProgress();
}

type PartArgs = Readonly<Record<string, unknown>>;

/** The update of a claim's row, only while the request holding it (`token`) has it in progress. */
const heldClaim = (db: QueryCreator<Database>, a: PartArgs) =>
  db
    .updateTable('idempotency_keys')
    .where('workspace_id', '=', a['workspaceId'] as string)
    .where('key', '=', a['key'] as string)
    .where('claim_token', '=', a['token'] as string)
    .where('state', '=', 'in_progress');

/**
 * The claim's record of the resource a request created, made only while the request still holds
 * the claim: no row returned means a retry took the claim over.
 */
const markCreated: CreationPart = {
  name: 'idempotency-key-created',
  build: (db, a) =>
    heldClaim(db, a)
      .set({ resource_id: a['resourceId'] as string })
      .returning('key'),
  required: true,
};

/** The same, with the request's answer stored for replay in the same write (`settle` then has nothing to do). */
const markCreatedAndAnswered: CreationPart = {
  name: 'idempotency-key-created-and-answered',
  build: (db, a) =>
    heldClaim(db, a)
      .set({
        resource_id: a['resourceId'] as string,
        state: 'done',
        response_status: a['answerStatus'] as number,
        response_body: a['answerBody'] as string,
      })
      .returning('key'),
  required: true,
};

/** A serialized answer as text (a JSON route's serializer gives text already). */
const textOf = (body: string | Buffer | ArrayBuffer): string =>
  typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8');

/**
 * For a route that creates something: the hook its service runs inside the creating transaction.
 * It records the new resource on the request's claim, and only while the request still holds the
 * claim — if a retry took it over meanwhile, the creation rolls back. So the effect and the claim's
 * record of it commit together, and a crash at any point leaves exactly one resource per key. A
 * store that creates the resource in one statement may make the record a part of it instead
 * (`inStatement`), with the same effect.
 *
 * `answer`: the route answers with the resource the service returns, serialized for `status` as
 * `reply` serializes it. A store that writes the record in its own statement then stores that
 * answer with it, so no statement follows the response.
 */
export function creationHookOf(
  request: FastifyRequest,
  answer?: { reply: FastifyReply; status: number },
): CreationHook | undefined {
  const claimed = request.idempotencyClaim;
  if (!claimed) return undefined;
  const args = { workspaceId: claimed.workspaceId, key: claimed.key, token: claimed.token };
  const hook = async (trx: Transaction<Database>, resourceId: string) => {
    const marked = await markCreated.build(trx, { ...args, resourceId }, noEarlierPart).compile();
    if ((await trx.executeQuery(marked)).rows.length === 0) throw inProgress();
  };
  const argsOf = (resourceId: string) => [{ ...args, resourceId }];
  const seal = claimed.seal;
  if (!answer || !seal) return Object.assign(hook, { inStatement: { parts: [markCreated], args: argsOf } });
  return Object.assign(hook, {
    inStatement: {
      parts: [markCreatedAndAnswered],
      args: argsOf,
      answer: {
        args: (resource: unknown) => ({
          answerStatus: answer.status,
          answerBody: seal(textOf(answer.reply.code(answer.status).serialize(resource))),
        }),
        stored: () => {
          // Stored with the resource: the response's `settle` has nothing left to do.
          if (request.idempotencyClaim === claimed) request.idempotencyClaim = null;
        },
      },
    },
  });
}

/**
 * After the answer is known: a success is stored for replay. A refusal is not (Stripe's rule: a
 * request that failed before it took effect leaves nothing, so a corrected retry with the same key
 * goes through) — unless its resource was already created, in which case the claim keeps pointing
 * at it and retries answer from the resource.
 */
async function settle(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<void> {
  const claimed = request.idempotencyClaim;
  if (!claimed) return;
  request.idempotencyClaim = null;
  if (reply.statusCode < 400 && typeof payload === 'string') {
    await storeAnswer(ctx.db, {
      workspaceId: claimed.workspaceId,
      key: claimed.key,
      token: claimed.token,
      status: reply.statusCode,
      body: sealResponse(ctx, claimed.workspaceId, claimed.key, payload),
    });
  } else {
    // Only the database knows whether the creation committed: the hook also ran in transactions
    // that rolled back after it (a send over its quota), which must leave the key free.
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', claimed.workspaceId)
      .where('key', '=', claimed.key)
      .where('claim_token', '=', claimed.token)
      .where('resource_id', 'is', null)
      .execute();
  }
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** How many times a header came, from Node's flat [name, value, name, value, …] list. */
const timesGiven = (rawHeaders: string[], name: string): number =>
  rawHeaders.filter((entry, i) => i % 2 === 0 && entry.toLowerCase() === name).length;

/**
 * Idempotency-Key on creating POSTs (routes with `config.idempotent`): the first successful
 * response is stored for 24 h and replayed for the same key and body, to the caller that sent it.
 */
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
    const idempotent = request.routeOptions.config.idempotent;
    if (!idempotent || !request.auth) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      // Node joins a repeated header with ", ", which then reads as a key with a space in it.
      if (timesGiven(request.raw.rawHeaders, 'idempotency-key') > 1) {
        throw new AppError('VALIDATION_ERROR', 'Idempotency-Key must be given once', [
          { field: 'header.idempotency-key', message: 'must be given once' },
        ]);
      }
      throw new AppError('VALIDATION_ERROR', 'Idempotency-Key must be 1–255 visible ASCII characters', [
        { field: 'header.idempotency-key', message: 'is invalid' },
      ]);
    }
    const path = request.routeOptions.url ?? request.url;
    const hash = sha256Hex(
      `${request.method} ${path} ${JSON.stringify(request.params)} ${stableStringify(request.body ?? null)}`,
    );
    const { workspaceId, principalId } = request.auth;
    const staleAfter = idempotent === true ? STALE_CLAIM_MS.unguarded : STALE_CLAIM_MS.guarded;
    const result = await claim(ctx, { workspaceId, principal: principalId }, key, request, hash, staleAfter);
    if (result.kind === 'replay') {
      return reply
        .status(result.status)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(result.body);
    }
    if (result.kind === 'replay-resource') {
      if (idempotent === true) throw inProgress();
      const { status, body } = await idempotent.replay(request, result.resourceId);
      return reply.status(status).header('idempotent-replayed', 'true').send(body);
    }
    request.idempotencyClaim = {
      workspaceId,
      key,
      token: result.token,
      seal: (body) => sealResponse(ctx, workspaceId, key, body),
    };
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
