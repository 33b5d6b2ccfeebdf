import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/types.js';
import { newId } from '../../src/lib/ids.js';

/** Fills the message log with `total` delivered messages (direct inserts, in batches) for the list benchmark. */
export async function seedMessages(
  db: Kysely<Database>,
  workspaceId: string,
  deviceId: string,
  total: number,
): Promise<void> {
  const batch = 500;
  const start = Date.now() - total * 10;
  for (let done = 0; done < total; done += batch) {
    const rows = [];
    for (let i = 0; i < Math.min(batch, total - done); i++) {
      const at = new Date(start + (done + i) * 10);
      const id = newId('msg', at.getTime());
      rows.push({
        id,
        workspace_id: workspaceId,
        device_id: deviceId,
        direction: 'out' as const,
        phone: `+1555${String((done + i) % 10_000_000).padStart(7, '0')}`,
        type: 'text' as const,
        body: 'Your order has shipped',
        sealed_body: null,
        template_id: null,
        status: 'read' as const,
        error_code: null,
        error_message: null,
        priority: 1,
        source: 'api' as const,
        source_id: null,
        metadata: null,
        wa_message_id: null,
        queue_if_disconnected: 0,
        attempts: 1,
        expires_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      });
    }
    await db.insertInto('messages').values(rows).execute();
  }
}
