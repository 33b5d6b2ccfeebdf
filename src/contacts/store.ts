import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { ContactRow } from './tables.js';

/** How long a "is this number on WhatsApp" answer is trusted before asking again. */
export const LOOKUP_TTL_MS = 30 * 24 * 60 * 60 * 1000;

// On every accepted message: built and compiled once.
const contactByPhone = preparedQuery<{ workspaceId: string; phone: string }, ContactRow>((db, a) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', a.workspaceId)
    .where('phone', '=', a.phone),
);

export async function findContact(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
): Promise<ContactRow | undefined> {
  const { rows } = await contactByPhone(db, { workspaceId, phone });
  return rows[0];
}

type ContactFields = Partial<Omit<ContactRow, 'workspace_id' | 'phone' | 'created_at'>>;
type UpsertArgs = { workspaceId: string; phone: string; at: string } & ContactFields;

/**
 * The upsert of one set of fields, built and compiled once per set: every message handed off
 * stores its number's last line (and a fresh lookup) with one.
 */
function buildUpsert(names: ReadonlyArray<keyof ContactFields>) {
  return preparedQuery<UpsertArgs, never>((db, a) => {
    const fields = Object.fromEntries(names.map((name) => [name, a[name]])) as ContactFields;
    return db
      .insertInto('contacts')
      .values({
        workspace_id: a.workspaceId,
        phone: a.phone,
        jid: null,
        on_whatsapp: null,
        checked_at: null,
        last_device_id: null,
        display_name: null,
        first_inbound_at: null,
        last_inbound_at: null,
        opted_out_at: null,
        notes: null,
        created_at: a.at,
        updated_at: a.at,
        ...fields,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'phone']).doUpdateSet({ ...fields, updated_at: a.at }));
  });
}

const upserts = new Map<string, ReturnType<typeof buildUpsert>>();

/** Creates the contact row if missing, then applies the given fields. */
export async function upsertContact(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  fields: ContactFields,
  now: Date,
): Promise<void> {
  const names = (Object.keys(fields) as Array<keyof ContactFields>).filter(
    (name) => fields[name] !== undefined,
  );
  // A null is a value of its own: it is bound, so only the field names pick the statement.
  const key = names.sort().join(',');
  let upsert = upserts.get(key);
  if (!upsert) {
    upsert = buildUpsert(names);
    upserts.set(key, upsert);
  }
  await upsert(db, { workspaceId, phone, at: now.toISOString(), ...fields });
}

export function lookupIsFresh<C extends Pick<ContactRow, 'on_whatsapp' | 'checked_at'>>(
  contact: C | undefined,
  now: Date,
): contact is C {
  return (
    !!contact &&
    contact.on_whatsapp !== null &&
    !!contact.checked_at &&
    now.getTime() - Date.parse(contact.checked_at) < LOOKUP_TTL_MS
  );
}

/** Contacts by phone number: a stable order that new contacts do not shuffle. */
export async function listContacts(
  db: DbOrTx,
  workspaceId: string,
  filter: { optedOut?: boolean; after?: string },
  limit: number,
): Promise<ContactRow[]> {
  let query = db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.optedOut === true) query = query.where('opted_out_at', 'is not', null);
  if (filter.optedOut === false) query = query.where('opted_out_at', 'is', null);
  if (filter.after) query = query.where('phone', '>', filter.after);
  return query.orderBy('phone').limit(limit).execute();
}

/** Opts a contact out once: true only for the call that made the change (one confirmation). */
export async function markOptedOut(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ opted_out_at: now.toISOString(), updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('opted_out_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markOptedIn(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ opted_out_at: null, updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('opted_out_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Records an inbound message on its contact and says whether it was the contact's first one.
 * Both steps are conditional writes, so two messages racing in cannot both count as the first.
 */
export async function touchInboundContact(
  db: DbOrTx,
  input: { workspaceId: string; phone: string; jid: string; deviceId: string; pushName?: string; now: Date },
): Promise<{ first: boolean }> {
  const at = input.now.toISOString();
  const inserted = await db
    .insertInto('contacts')
    .values({
      workspace_id: input.workspaceId,
      phone: input.phone,
      jid: input.jid,
      on_whatsapp: 1,
      checked_at: null,
      last_device_id: input.deviceId,
      display_name: input.pushName ?? null,
      first_inbound_at: at,
      last_inbound_at: at,
      opted_out_at: null,
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'phone']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { first: true };

  const contact = () =>
    db.updateTable('contacts').where('workspace_id', '=', input.workspaceId).where('phone', '=', input.phone);
  const firstEver = await contact()
    .set({ first_inbound_at: at })
    .where('first_inbound_at', 'is', null)
    .executeTakeFirst();
  await contact()
    .set({
      jid: input.jid,
      on_whatsapp: 1,
      last_device_id: input.deviceId,
      last_inbound_at: at,
      updated_at: at,
    })
    .execute();
  // A name set through the API is deliberate; WhatsApp's pushName only fills an empty one.
  if (input.pushName) {
    await contact().set({ display_name: input.pushName }).where('display_name', 'is', null).execute();
  }
  return { first: Number(firstEver.numUpdatedRows) > 0 };
}

/** Forgets a contact; true when there was one. */
export async function deleteContact(db: DbOrTx, workspaceId: string, phone: string): Promise<boolean> {
  const result = await db
    .deleteFrom('contacts')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
