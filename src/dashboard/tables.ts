import type { Selectable } from 'kysely';

export interface SessionsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  /** SHA-256 of the cookie value: a leaked database does not hand out live sessions. */
  token_hash: string;
  /** Echoed by the dashboard in `x-csrf-token`; a cross-site page cannot read it. */
  csrf_token: string;
  expires_at: string;
  created_at: string;
  last_seen_at: string;
}

export interface LoginFailuresTable {
  /** SHA-256 of "email|ip", so the table does not keep a list of who tried from where. */
  throttle_key: string;
  failed_at: string;
}

export interface DashboardTables {
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}

export type SessionRow = Selectable<SessionsTable>;
