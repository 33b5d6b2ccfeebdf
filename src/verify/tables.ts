import type { Selectable } from 'kysely';

export const CHANNELS = ['whatsapp', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const VERIFICATION_STATUSES = [
  'pending',
  'approved',
  'canceled',
  'expired',
  'max_attempts_reached',
  'failed',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * Where the current send stands. `sending`: a node holds it (lease until attempt_deadline);
 * `waiting`: a WhatsApp message is out, not yet delivered (fallback at attempt_deadline);
 * `done`: delivered or accepted by SMS/email; `exhausted`: every channel failed.
 */
export type AttemptState = 'sending' | 'waiting' | 'done' | 'exhausted';

export type SendAttemptStatus =
  'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';

/** One entry of `send_attempts` (JSON): what happened on one channel, in order. */
export interface SendAttempt {
  channel: Channel;
  status: SendAttemptStatus;
  messageId?: string;
  providerMessageId?: string;
  reason?: string;
  detail?: string;
  at: string;
}

export interface VerificationsTable {
  id: string;
  workspace_id: string;
  /** E.164 destination; the abuse limits key on it. */
  phone: string;
  email: string | null;
  status: VerificationStatus;
  /** JSON array: the channels asked for at creation. */
  channels: string;
  /** JSON array: the channels of the current send in order (a resend may start elsewhere). */
  route: string;
  route_index: number;
  attempt_state: AttemptState;
  attempt_message_id: string | null;
  attempt_deadline: string | null;
  /** JSON array of SendAttempt. */
  send_attempts: string;
  device_id: string | null;
  template_id: string | null;
  locale: string;
  code_length: number;
  channel_timeout_seconds: number;
  /** HMAC-SHA256 (hex) of id and code under a derived key: enough to check, useless to read. */
  code_hash: string;
  /** The code encrypted for resends and fallbacks; erased as soon as the verification ends. */
  sealed_code: string | null;
  check_attempts: number;
  /** Bumped by whoever takes over the sending, so two nodes never advance the same attempt. */
  version: number;
  failure_reason: string | null;
  expires_at: string;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}

/** How many actions of one kind (a send, a failed check, a creation) a subject took in one second. */
export interface VerificationLimitCountsTable {
  workspace_id: string;
  kind: 'create' | 'send' | 'failed_check';
  subject: string;
  /** The start of the second, ISO 8601. */
  second: string;
  count: number;
}

export interface VerifyTables {
  verifications: VerificationsTable;
  verification_limit_counts: VerificationLimitCountsTable;
}

export type VerificationRow = Selectable<VerificationsTable>;
