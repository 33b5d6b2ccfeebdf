import type { Selectable } from 'kysely';

export type ConversationStatus = 'open' | 'pending' | 'resolved';

/** One thread per workspace, line (device) and customer number: what the team inbox lists. */
export interface ConversationsTable {
  id: string;
  workspace_id: string;
  device_id: string;
  /** E.164 of the customer. */
  phone: string;
  /** The WhatsApp name the customer last wrote with; null until they write, and after erasure. */
  contact_name: string | null;
  status: ConversationStatus;
  /** A member's user id, or null when nobody handles it. */
  assignee_id: string | null;
  /** Customer messages the team has not read yet; changed by atomic increments only. */
  unread_count: number;
  /** 1 while every message of the thread is a verification code (hidden from the inbox by default). */
  otp_only: number;
  last_message_id: string | null;
  last_message_at: string;
  last_direction: 'in' | 'out' | null;
  /** The start of the last message's text as the log shows it (codes masked); null once erased. */
  last_preview: string | null;
  last_inbound_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConversationTagsTable {
  conversation_id: string;
  workspace_id: string;
  tag: string;
}

/** The team's internal notes on a conversation; never sent to WhatsApp. */
export interface ConversationNotesTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  /** A user id, or an API key id for notes written through the API. */
  author_id: string;
  author_name: string | null;
  /** Null once erased by retention or contact erasure. */
  body: string | null;
  created_at: string;
}

/**
 * Counts per bucket of conversations, as deltas (+1, -1) that database triggers write with every
 * change (migration 0016); the sum of a bucket's rows is how many conversations it holds.
 */
export interface ConversationCountsTable {
  workspace_id: string;
  device_id: string;
  assignee_id: string | null;
  status: ConversationStatus;
  otp_only: number;
  /** 1 for conversations with unread messages. */
  unread: number;
  n: number;
}

export interface ConversationTables {
  conversations: ConversationsTable;
  conversation_counts: ConversationCountsTable;
  conversation_tags: ConversationTagsTable;
  conversation_notes: ConversationNotesTable;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationNoteRow = Selectable<ConversationNotesTable>;
