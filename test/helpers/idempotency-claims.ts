import type { FastifyRequest } from 'fastify';
import { vi } from 'vitest';
import { creationHookOf } from '../../src/http/idempotency.js';
import type { CreationHook, Db } from '../../src/db/database.js';
import { sha256Hex } from '../../src/lib/crypto.js';
import { stableStringify } from '../../src/lib/stable-json.js';
import type { TestApp } from './app.js';

/**
 * An Idempotency-Key's claim of `POST /v1/messages` with `body`, still in progress with nothing
 * created, as a request holding it (`token`) left it `claimedMsAgo` ago: what a slow or dead first
 * request leaves behind.
 */
export async function claimInProgress(
  t: TestApp,
  claim: { key: string; body: object; token: string; claimedMsAgo: number },
): Promise<void> {
  const now = Date.now();
  // The record is the caller's: the test's own API key, which the retries use.
  const { id: principal } = await t.app.ctx.db
    .selectFrom('api_keys')
    .select('id')
    .where('key_hash', '=', sha256Hex(t.apiKey))
    .executeTakeFirstOrThrow();
  await t.app.ctx.db
    .insertInto('idempotency_keys')
    .values({
      workspace_id: t.workspaceId,
      key: claim.key,
      method: 'POST',
      path: '/v1/messages',
      request_hash: sha256Hex(`POST /v1/messages {} ${stableStringify(claim.body)}`),
      principal,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      claim_token: claim.token,
      resource_id: null,
      created_at: new Date(now - claim.claimedMsAgo).toISOString(),
      expires_at: new Date(now + 3_600_000).toISOString(),
    })
    .execute();
}

/** The creation hook of a request that holds (or held) the claim of `key` with `token`. */
export function hookOfClaim(t: TestApp, key: string, token: string): CreationHook {
  return creationHookOf({
    idempotencyClaim: { workspaceId: t.workspaceId, key, token },
  } as unknown as FastifyRequest)!;
}

/**
 * Runs `work` and gives the writes to Idempotency-Key records (`update "idempotency_keys"`) it
 * made on `db` itself, the statements a request's own claim runs (not background work's handles).
 */
export async function keyWritesDuring<T>(
  db: Db,
  work: () => Promise<T>,
): Promise<{ result: T; writes: number }> {
  const run = db.executeQuery.bind(db);
  let writes = 0;
  const spy = vi.spyOn(db, 'executeQuery').mockImplementation((query, ...rest) => {
    const text = 'sql' in query ? query.sql : query.compile().sql;
    if (/^update "idempotency_keys"/.test(text)) writes++;
    return run(query, ...rest);
  });
  try {
    return { result: await work(), writes };
  } finally {
    spy.mockRestore();
  }
}
