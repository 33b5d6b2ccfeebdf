import type { AppContext } from '../context.js';
import { decrypt, deriveKey, encrypt } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';

/**
 * Stored responses are sealed: some carry a secret shown once (a new API key, a webhook secret),
 * and those must not sit in the database in plain text for the 24 h of replay.
 */
export function sealResponse(ctx: AppContext, workspaceId: string, key: string, body: string): string {
  return encrypt(deriveKey(ctx.masterKey, 'idempotent-responses'), body, `${workspaceId}\u0000${key}`);
}

export function openResponse(ctx: AppContext, workspaceId: string, key: string, sealed: string): string {
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
