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

export interface LoginThrottleTable {
  /** SHA-256 of the scope and its subject, so the table does not keep a list of who tried from where. */
  throttle_key: string;
  window_started_at: string;
  /** Attempts reserved in the window, counted before the password is checked. */
  attempts: number;
}

export interface SignInChallengesTable {
  id: string;
  user_id: string;
  workspace_id: string;
  /** SHA-256 of the cookie value, as for sessions. */
  token_hash: string;
  /** `verify`: the password was right, a code is due. `enrol`: the workspace requires two-factor. */
  purpose: 'verify' | 'enrol';
  expires_at: string;
  created_at: string;
}

export interface DashboardTables {
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  sign_in_challenges: SignInChallengesTable;
}

export type SessionRow = Selectable<SessionsTable>;
