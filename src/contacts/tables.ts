import type { Selectable } from 'kysely';

/** A workspace's customers by number: WhatsApp lookup, inbound history, consent, notes. */
export interface ContactsTable {
  workspace_id: string;
  phone: string;
  jid: string | null;
  /** 1 yes, 0 no, null not looked up yet. */
  on_whatsapp: number | null;
  checked_at: string | null;
  /** The device last used to write to this contact: sends without deviceId stick to it. */
  last_device_id: string | null;
  display_name: string | null;
  first_inbound_at: string | null;
  last_inbound_at: string | null;
  opted_out_at: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactTables {
  contacts: ContactsTable;
}

export type ContactRow = Selectable<ContactsTable>;
