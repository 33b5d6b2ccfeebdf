import type { Selectable } from 'kysely';

export type AuditActorType = 'user' | 'api_key' | 'system';

export interface AuditEventsTable {
  id: string;
  workspace_id: string;
  at: string;
  actor_type: AuditActorType;
  /** The user or API key id; null for the system (the CLI, start-up). */
  actor_id: string | null;
  /** The actor's name when it acted (a user's name or email, a key's name): it outlives renames and deletions. */
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON object of what changed; never a secret, a password, a key or a token. */
  changes: string;
  request_id: string | null;
  ip: string | null;
}

export type AuditEventRow = Selectable<AuditEventsTable>;

export interface AuditTables {
  audit_events: AuditEventsTable;
}
