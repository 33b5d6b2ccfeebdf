import { sql } from 'kysely';
import { dbTime, leaseLost, type LeaseFence } from '../cluster/leases.js';
import type { AppContext } from '../context.js';
import type { ContactRow } from '../contacts/tables.js';
import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { queuedOn } from './store.js';
import type { MessageRow } from './tables.js';

/** What the dispatcher knows of the recipient when it claims a message. */
export type ClaimedContact = Pick<ContactRow, 'on_whatsapp' | 'jid' | 'checked_at'>;

export interface Claim {
  /** The message, now `sending` with one more attempt (its timeline has the entry). */
  message: MessageRow;
  /** The recipient's contact row as it was at the claim, if there is one. */
  contact: ClaimedContact | undefined;
}

/**
 * Takes the device's next message (highest priority, then oldest; not past its expiry, which the
 * expiry sweep handles) and marks it `sending` under the device's lease, with its timeline entry.
 * Undefined when nothing is queued. When the fence no longer holds nothing is written, and on
 * PostgreSQL `leaseLost` is thrown. Announce the returned row after it (it is committed).
 *
 * This is the dispatcher's hottest path, so it is one round trip on PostgreSQL (one statement:
 * the lease, the claim, the timeline entry and the recipient's contact) and one short
 * transaction on SQLite (three statements when nothing is queued), instead of a look, then a
 * claim, then a contact read.
 */
export async function claimNext(
  ctx: AppContext,
  deviceId: string,
  fence: LeaseFence,
  now: Date,
): Promise<Claim | undefined> {
  return (await claimBurst(ctx, deviceId, fence, now, 1))[0];
}

/**
 * Like claimNext, up to `limit` messages at once, in the order they are to be sent: for a line
 * with no pacing, whose next messages go out back to back anyway, one claim serves several.
 */
export async function claimBurst(
  ctx: AppContext,
  deviceId: string,
  fence: LeaseFence,
  now: Date,
  limit: number,
): Promise<Claim[]> {
  const claims =
    ctx.dialect === 'postgres'
      ? await claimOnPostgres(ctx, deviceId, fence, now.toISOString(), limit)
      : await claimOnSqlite(ctx, deviceId, fence, now.toISOString(), limit);
  return claims.sort(
    (a, b) =>
      b.message.priority - a.message.priority ||
      (a.message.id < b.message.id ? -1 : a.message.id > b.message.id ? 1 : 0),
  );
}

type ClaimedRow = Partial<MessageRow> & {
  lease_held: string | number;
  contact_on_whatsapp: number | null;
  contact_jid: string | null;
  contact_checked_at: string | null;
  contact_found: boolean | null;
};

/**
 * PostgreSQL's claim as one statement. The queue is read as claimableQuery reads it (a literal
 * status, for the partial index).
 */
export function claimStatementOnPostgres(deviceId: string, fence: LeaseFence, at: string, limit: number) {
  // Data-modifying CTEs run as one statement, so the three writes commit or roll back together,
  // and the lease row stays locked (a taker waits) until they have. The same checks as
  // holdLease(): ours, same generation, not run out by the database's clock.
  return sql<ClaimedRow>`
    with lease as (
      update device_leases set generation = generation
      where device_id = ${fence.deviceId} and node_id = ${fence.nodeId}
        and generation = ${fence.generation} and expires_at > ${dbTime('postgres')}
      returning 1
    ), claimed as (
      update messages set status = 'sending', updated_at = ${at}, attempts = attempts + 1
      where id in (
          select id from messages
          where device_id = ${deviceId} and status = 'queued'
            and (expires_at is null or expires_at > ${at})
          order by priority desc, id asc
          limit ${limit}
        )
        and status = 'queued'
        and exists (select 1 from lease)
      returning *
    ), history as (
      insert into message_status_history (message_id, status, at, error_code)
      select id, 'sending', ${at}::text, null::text from claimed
    )
    select (select count(*) from lease) as lease_held, c.*,
      ct.phone is not null as contact_found, ct.on_whatsapp as contact_on_whatsapp,
      ct.jid as contact_jid, ct.checked_at as contact_checked_at
    from (select 1) as one
    left join claimed c on true
    left join contacts ct on ct.workspace_id = c.workspace_id and ct.phone = c.phone
  `;
}

async function claimOnPostgres(
  ctx: AppContext,
  deviceId: string,
  fence: LeaseFence,
  at: string,
  limit: number,
): Promise<Claim[]> {
  const result = await claimStatementOnPostgres(deviceId, fence, at, limit).execute(ctx.db);
  const first = result.rows[0];
  if (!first || Number(first.lease_held) === 0) throw leaseLost(fence.deviceId);
  return result.rows.flatMap((row) => {
    if (!row.id) return [];
    const {
      lease_held: _held,
      contact_found,
      contact_on_whatsapp,
      contact_jid,
      contact_checked_at,
      ...message
    } = row;
    return [
      {
        message: message as MessageRow,
        contact: contact_found
          ? { on_whatsapp: contact_on_whatsapp, jid: contact_jid, checked_at: contact_checked_at }
          : undefined,
      },
    ];
  });
}

/**
 * The ids of the device's next `limit` messages to send: queued, not past their expiry, highest
 * priority first, then oldest; read in that order from messages_queue, which is kept in it.
 */
export function claimableQuery(db: DbOrTx, deviceId: string, at: string, limit: number) {
  return queuedOn(db, deviceId)
    .select('id')
    .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', at)]))
    .orderBy('priority', 'desc')
    .orderBy('id', 'asc')
    .limit(limit);
}

type PickArgs = {
  deviceId: string;
  at: string;
  limit: number;
  fenceDeviceId: string;
  nodeId: string;
  generation: number;
};

/**
 * SQLite's pick: the ids of the messages to claim, read only while the fence still holds (the
 * lease is checked by the same statement, so an empty queue costs nothing more). Built and
 * compiled once: the dispatcher runs it for every burst.
 */
const pickQueuedOnSqlite = preparedQuery<PickArgs, { id: string }>((db, a) =>
  claimableQuery(db, a.deviceId, a.at, a.limit).where((eb) =>
    eb.exists(
      eb
        .selectFrom('device_leases')
        .select('device_id')
        .where('device_id', '=', a.fenceDeviceId)
        .where('node_id', '=', a.nodeId)
        .where('generation', '=', a.generation)
        .where('expires_at', '>', dbTime('sqlite')),
    ),
  ),
);

/** The picked messages moved to `sending` (the ids as a JSON array, so one text serves any count). */
const markSendingOnSqlite = preparedQuery<{ ids: string; at: string }, never>((db, a) =>
  db
    .updateTable('messages')
    .set((eb) => ({ status: 'sending', updated_at: a.at, attempts: eb('attempts', '+', 1) }))
    .where(sql<boolean>`id in (select value from json_each(${a.ids}))`)
    .where('status', '=', 'queued'),
);

/** Messages by id (a JSON array). */
const messagesOfIds = preparedQuery<{ ids: string }, MessageRow>((db, a) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where(sql<boolean>`id in (select value from json_each(${a.ids}))`),
);

/** The claimed messages' `sending` entries: the ids as a JSON array, so one text serves any count. */
const insertSendingEntries = preparedQuery<{ ids: string; at: string }, never>((db, a) =>
  db
    .insertInto('message_status_history')
    .columns(['message_id', 'status', 'at', 'error_code'])
    .expression(sql`select value, 'sending', ${a.at}, null from json_each(${a.ids})`),
);

/** What the dispatcher knows of the claimed messages' numbers (a JSON array of phones). */
const contactsOfPhones = preparedQuery<
  { workspaceId: string; phones: string },
  ClaimedContact & { phone: string }
>((db, a) =>
  db
    .selectFrom('contacts')
    .select(['phone', 'on_whatsapp', 'jid', 'checked_at'])
    .where('workspace_id', '=', a.workspaceId)
    .where(sql<boolean>`phone in (select value from json_each(${a.phones}))`),
);

async function claimOnSqlite(
  ctx: AppContext,
  deviceId: string,
  fence: LeaseFence,
  at: string,
  limit: number,
): Promise<Claim[]> {
  return ctx.db.transaction().execute(async (trx) => {
    // Read, then written, in one transaction: this process's other statements wait for it, and
    // another process's write in between makes the update fail (SQLite refuses to write from a
    // stale snapshot), so what is marked is what was picked, under the lease that was read. A lease
    // lost reads as nothing to claim: nothing is written, and the device's next renewal stops
    // its dispatcher. Picked, marked and read back rather than one update returning the rows:
    // measured on one file, an update that picks its rows by a subquery of its own table and
    // returns them took 370–680 µs for 1 to 10 messages, these three 255–550 µs.
    const { rows: picked } = await pickQueuedOnSqlite(trx, {
      deviceId,
      at,
      limit,
      fenceDeviceId: fence.deviceId,
      nodeId: fence.nodeId,
      generation: fence.generation,
    });
    if (picked.length === 0) return [];
    const ids = JSON.stringify(picked.map((m) => m.id));
    await markSendingOnSqlite(trx, { ids, at });
    const { rows: messages } = await messagesOfIds(trx, { ids });
    await insertSendingEntries(trx, { ids, at });
    // One device's messages are all of its workspace.
    const { rows: contacts } = await contactsOfPhones(trx, {
      workspaceId: messages[0]!.workspace_id,
      phones: JSON.stringify([...new Set(messages.map((m) => m.phone))]),
    });
    const byPhone = new Map(contacts.map(({ phone, ...contact }) => [phone, contact]));
    return messages.map((message) => ({ message, contact: byPhone.get(message.phone) }));
  });
}
