import type { Generated, Selectable } from 'kysely';

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

/**
 * A conversation's tag, with a copy of the conversation's bucket and last activity that triggers
 * keep (migration 0020): a tag's page reads its own index in list order, and its counts are kept
 * from the copy. The copy is null only until the insert's trigger fills it; never written here.
 */
export interface ConversationTagsTable {
  conversation_id: string;
  workspace_id: string;
  tag: string;
  device_id: Generated<string | null>;
  assignee_id: Generated<string | null>;
  status: Generated<ConversationStatus | null>;
  otp_only: Generated<number | null>;
  unread: Generated<number | null>;
  last_message_at: Generated<string | null>;
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
 * change (migration 0018); the sum of a bucket's rows is how many conversations it holds.
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

/** conversation_counts for the conversations of one tag (triggers on conversation_tags, migration 0020). */
export interface ConversationTagCountsTable extends ConversationCountsTable {
  tag: string;
}

export interface ConversationTables {
  conversations: ConversationsTable;
  conversation_counts: ConversationCountsTable;
  conversation_tag_counts: ConversationTagCountsTable;
  conversation_tags: ConversationTagsTable;
  conversation_notes: ConversationNotesTable;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationNoteRow = Selectable<ConversationNotesTable>;
