import { newId } from '../../src/lib/ids.js';
import { defaultPacing } from '../../src/devices/pacing.js';
import type { DeviceRow } from '../../src/devices/tables.js';
import { creationEntry } from '../../src/messages/store.js';
import type { MessageRow } from '../../src/messages/tables.js';
import { waMessageIdFor } from '../../src/messages/wa-id.js';
import type { DbOrTx } from '../../src/db/database.js';

/**
 * Rows made directly, for tests about what happens to data already there (retention, restarts,
 * crash recovery). A test of how rows come to be goes through the API instead.
 */
export async function makeDevice(
  db: DbOrTx,
  fields: Partial<DeviceRow> & { workspace_id: string },
): Promise<DeviceRow> {
  const now = new Date().toISOString();
  const engine = fields.engine ?? 'sandbox';
  const row: DeviceRow = {
    id: newId('dev'),
    name: 'Factory line',
    engine,
    status: 'unlinked',
    status_reason: null,
    status_changed_at: now,
    last_seen_at: null,
    phone: null,
    display_name: null,
    jid: null,
    pacing: JSON.stringify(defaultPacing(engine)),
    created_at: now,
    updated_at: now,
    ...fields,
  };
  await db.insertInto('devices').values(row).execute();
  return row;
}

/**
 * A message row; outbound and queued unless told otherwise. Its row is its first timeline entry
 * (`queued` or `received`); a message made in a later status gets that status's entry too.
 */
export async function makeMessage(
  db: DbOrTx,
  fields: Partial<MessageRow> & { workspace_id: string },
): Promise<MessageRow> {
  const created = fields.created_at ?? new Date().toISOString();
  const id = fields.id ?? newId('msg', Date.parse(created));
  const row: MessageRow = {
    id,
    device_id: null,
    direction: 'out',
    phone: '+15550001234',
    type: 'text',
    body: 'Hello',
    sealed_body: null,
    masked: 0,
    template_id: null,
    status: 'queued',
    error_code: null,
    error_message: null,
    priority: 1,
    source: 'api',
    source_id: null,
    metadata: null,
    media: null,
    wa_message_id: waMessageIdFor(id),
    queue_if_disconnected: 0,
    attempts: 0,
    expires_at: null,
    created_at: created,
    updated_at: created,
    ...fields,
  };
  await db.insertInto('messages').values(row).execute();
  if (row.status !== creationEntry(row).status)
    await db
      .insertInto('message_status_history')
      .values({ message_id: row.id, status: row.status, at: created, error_code: row.error_code })
      .execute();
  return row;
}
