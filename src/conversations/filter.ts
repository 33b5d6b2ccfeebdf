import type { ConversationStatus } from './tables.js';

export interface ConversationFilter {
  status?: ConversationStatus;
  /** A user id, or null for "nobody". */
  assigneeId?: string | null;
  deviceId?: string;
  tag?: string;
  /** Text in the customer's name or number, or in a message of the thread. */
  search?: string;
  unread?: boolean;
  /** Threads of verification codes only are left out unless this is set. */
  includeOtpOnly?: boolean;
  /** The conversations of the whole number `search` names, looked up first (withNumberLookup). */
  numberMatches?: string[];
  /** The marks of a text search's windows, looked up first (withNumberLookup). */
  searchWindow?: SearchWindow;
}

/** Where a text search's windows end (see windowMarks). */
export interface SearchWindow {
  conversationMark: string;
  messageMark: string;
}

/** Where the previous page ended: the list is newest activity first, then id. */
export interface ConversationCursor {
  at: string;
  id: string;
}
