import type { Generated, Insertable, Selectable } from 'kysely';

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';

export interface WorkspacesTable {
  id: string;
  name: string;
  plan: string;
  /** JSON: WorkspaceSettings. */
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string;
  /** The TOTP secret once two-factor is on, sealed with the master key (AES-256-GCM, bound to the user id). */
  totp_secret: string | null;
  /** A secret shown for enrolment and not yet confirmed with a code; sealed the same way. */
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted: a code works once, not again within its 30 seconds. */
  totp_last_step: number | null;
  /** JSON: UserSettings, the member's own preferences ('{}' until one is set). */
  settings: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the code (ten random characters, so no salt is needed). */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  key_hash: string;
  /** The key's last 4 characters, so a list can tell keys apart without revealing them. */
  key_hint: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface UsageCountersTable {
  workspace_id: string;
  period: string;
  messages_sent: number;
  verifications: number;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  /** The caller that made the record (an API key id or a user id): its answer is replayed to it alone. */
  principal: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  /** Who holds the claim: a retry that takes a stale claim over gets a new token. */
  claim_token: string | null;
  /** The resource the request created, written in the transaction that created it. */
  resource_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface WorkspaceTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  usage_counters: UsageCountersTable;
  idempotency_keys: IdempotencyKeysTable;
  recovery_codes: RecoveryCodesTable;
}

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKey = Insertable<ApiKeysTable>;
