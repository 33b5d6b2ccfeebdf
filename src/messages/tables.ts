import type { ColumnType, Selectable } from 'kysely';

export type MessageStatus =
  'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'expired' | 'canceled' | 'received';
/** Text and templates, files (media), and kinds received that WAPing records as a summary. */
export type MessageType =
  | 'text'
  | 'template'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'poll'
  | 'reaction'
  | 'unsupported';
export type MessageSource = 'api' | 'dashboard' | 'verification' | 'auto_reply' | 'inbound';

export interface MessagesTable {
  id: string;
  workspace_id: string;
  device_id: string | null;
  direction: 'out' | 'in';
  /** E.164 of the customer: the recipient of an outbound message, the sender of an inbound one. */
  phone: string;
  type: MessageType;
  /** What the log shows; null once erased by retention. One-time codes appear masked here. */
  body: string | null;
  /**
   * The text to send when it differs from `body` (it holds a code): encrypted. Kept while WhatsApp
   * may ask for it again: erased at `read`, `failed`, `expired` or `canceled`, or 24 h after the
   * send (messages/sealed-bodies.ts).
   */
  sealed_body: string | null;
  /** 1 when `body` is only the masked text the log shows; such a body is never sent in its place. */
  masked: ColumnType<number, number | undefined, number>;
  template_id: string | null;
  status: MessageStatus;
  error_code: string | null;
  error_message: string | null;
  /** 2 high (verification codes), 1 normal, 0 low. */
  priority: number;
  source: MessageSource;
  source_id: string | null;
  /** JSON object echoed back to the client. */
  metadata: string | null;
  wa_message_id: string | null;
  /** JSON: the file this message carries (media/message-media.ts), kept after the file is deleted. */
  media: string | null;
  queue_if_disconnected: number;
  attempts: number;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageStatusHistoryTable {
  message_id: string;
  status: string;
  at: string;
  error_code: string | null;
}

export interface TemplatesTable {
  id: string;
  workspace_id: string;
  name: string;
  body: string;
  /** JSON array of variable names found in the body. */
  variables: string;
  created_at: string;
  updated_at: string;
}

export interface MessageTables {
  messages: MessagesTable;
  message_status_history: MessageStatusHistoryTable;
  templates: TemplatesTable;
}

export type MessageRow = Selectable<MessagesTable>;
export type TemplateRow = Selectable<TemplatesTable>;
