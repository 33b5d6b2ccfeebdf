import type { DbOrTx } from '../db/database.js';

/**
 * Deletes a workspace's events recorded before `cutoff`, and with them (by cascade) their webhook
 * delivery log; events that a delivery still waits to send stay. Events carry the resource they
 * report, message text included, so they age out with the message bodies.
 */
export async function pruneEventsBefore(db: DbOrTx, workspaceId: string, cutoff: string): Promise<void> {
  await db
    .deleteFrom('events')
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries')
            .select('webhook_deliveries.id')
            .whereRef('webhook_deliveries.event_id', '=', 'events.id')
            .where('webhook_deliveries.status', '=', 'pending'),
        ),
      ),
    )
    .execute();
}
