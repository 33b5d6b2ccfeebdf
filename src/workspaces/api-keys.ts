import { Type, type Static } from 'typebox';
import { recordAudit, SYSTEM_ACTOR, type AuditBy } from '../audit/record.js';
import { inTransaction, type DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';
import { newId } from '../lib/ids.js';
import { notFound } from '../lib/errors.js';
import { literalUnion } from '../lib/schema.js';
import { SCOPES, type Scope } from './scopes.js';
import type { ApiKeyRow, WorkspaceRow } from './tables.js';

export const KEY_PREFIX = 'wap_';

export const ApiKeySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    scopes: Type.Array(literalUnion(SCOPES)),
    hint: Type.String({ description: 'Last 4 characters of the key' }),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'ApiKey' },
);

export type ApiKeyView = Static<typeof ApiKeySchema>;

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as Scope[],
    hint: row.key_hint,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function generateKeyValue(): string {
  return KEY_PREFIX + randomToken(30);
}

/** Stores a key by its hash only; the caller shows `key` once and never again. */
export async function createApiKey(
  db: DbOrTx,
  input: { workspaceId: string; name: string; scopes?: Scope[]; value?: string; now: Date },
  by: AuditBy = SYSTEM_ACTOR,
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const key = input.value ?? generateKeyValue();
  const row: ApiKeyRow = {
    id: newId('key', input.now.getTime()),
    workspace_id: input.workspaceId,
    name: input.name,
    key_hash: sha256Hex(key),
    key_hint: key.slice(-4),
    scopes: JSON.stringify(
      input.scopes && input.scopes.length > 0 ? [...new Set(input.scopes)] : [...SCOPES],
    ),
    created_at: input.now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  const apiKey = toApiKeyView(row);
  await inTransaction(db, async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await recordAudit(trx, by, {
      workspaceId: input.workspaceId,
      action: 'api_key.created',
      target: { type: 'api_key', id: row.id },
      changes: { name: apiKey.name, scopes: apiKey.scopes, hint: apiKey.hint },
      now: input.now,
    });
  });
  return { key, apiKey };
}

export async function listApiKeys(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<ApiKeyRow[]> {
  let query = db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function revokeApiKey(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  now: Date,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<ApiKeyView> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('API key');
  if (!row.revoked_at) {
    row.revoked_at = now.toISOString();
    const revokedAt = row.revoked_at;
    await inTransaction(db, async (trx) => {
      await trx.updateTable('api_keys').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
      await recordAudit(trx, by, {
        workspaceId,
        action: 'api_key.revoked',
        target: { type: 'api_key', id },
        changes: { name: row.name },
        now,
      });
    });
  }
  return toApiKeyView(row);
}

export async function touchApiKey(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
}

/** WAPING_API_KEY: make sure a key with exactly this value exists (and is active) for the workspace. */
export async function ensureApiKey(db: DbOrTx, workspaceId: string, value: string, now: Date): Promise<void> {
  const existing = await db
    .selectFrom('api_keys')
    .select(['id', 'revoked_at'])
    .where('key_hash', '=', sha256Hex(value))
    .executeTakeFirst();
  if (existing) return;
  await createApiKey(db, { workspaceId, name: 'WAPING_API_KEY', value, now });
}

type ActiveKey = Pick<ApiKeyRow, 'id' | 'workspace_id' | 'scopes' | 'last_used_at'> & {
  /** The key's workspace, read with it: the plan on every call, the settings where a route needs them. */
  workspace: WorkspaceRow;
};

type ActiveKeyRow = Pick<ApiKeyRow, 'id' | 'workspace_id' | 'scopes' | 'last_used_at'> &
  Pick<WorkspaceRow, 'plan' | 'settings'> & {
    workspace_name: string;
    workspace_created_at: string;
    workspace_updated_at: string;
  };

// On every API request: built and compiled once.
const activeKeyByHash = preparedQuery<{ keyHash: string }, ActiveKeyRow>((db, a) =>
  db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select([
      'api_keys.id',
      'api_keys.workspace_id',
      'api_keys.scopes',
      'api_keys.last_used_at',
      'workspaces.plan',
      'workspaces.settings',
      'workspaces.name as workspace_name',
      'workspaces.created_at as workspace_created_at',
      'workspaces.updated_at as workspace_updated_at',
    ])
    .where('api_keys.key_hash', '=', a.keyHash)
    .where('api_keys.revoked_at', 'is', null),
);

/** An unrevoked key by the hash of its value, with its workspace: one query, as it runs on every API call. */
export async function findActiveKey(db: DbOrTx, keyHash: string): Promise<ActiveKey | undefined> {
  const row = (await activeKeyByHash(db, { keyHash })).rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    scopes: row.scopes,
    last_used_at: row.last_used_at,
    workspace: {
      id: row.workspace_id,
      name: row.workspace_name,
      plan: row.plan,
      settings: row.settings,
      created_at: row.workspace_created_at,
      updated_at: row.workspace_updated_at,
    },
  };
}
