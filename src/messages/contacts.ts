import type { DbOrTx } from '../db/database.js';
import type { ContactRow } from './tables.js';

/** How long a "is this number on WhatsApp" answer is trusted before asking again. */
export const LOOKUP_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function findContact(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/** Creates the contact row if missing, then applies the given fields. */
export async function upsertContact(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  fields: Partial<Omit<ContactRow, 'workspace_id' | 'phone' | 'created_at'>>,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('contacts')
    .values({
      workspace_id: workspaceId,
      phone,
      jid: null,
      on_whatsapp: null,
      checked_at: null,
      last_device_id: null,
      display_name: null,
      first_inbound_at: null,
      last_inbound_at: null,
      opted_out_at: null,
      notes: null,
      created_at: at,
      updated_at: at,
      ...fields,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'phone']).doUpdateSet({ ...fields, updated_at: at }))
    .execute();
}

export function lookupIsFresh(contact: ContactRow | undefined, now: Date): contact is ContactRow {
  return (
    !!contact &&
    contact.on_whatsapp !== null &&
    !!contact.checked_at &&
    now.getTime() - Date.parse(contact.checked_at) < LOOKUP_TTL_MS
  );
}
