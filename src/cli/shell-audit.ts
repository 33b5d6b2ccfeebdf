import { recordAudit, SYSTEM_ACTOR } from '../audit/record.js';
import type { DbOrTx } from '../db/database.js';

/**
 * Records a security change made from the shell to a user: the same event the dashboard records,
 * by System (a shell command has no signed-in actor and no request). A user belongs to no single
 * workspace, so the event goes to each of their workspaces, whose owners see it in their log.
 * Call it with the transaction that makes the change.
 */
export async function recordShellChangeToUser(
  trx: DbOrTx,
  user: { id: string; email: string },
  change:
    { action: 'member.password_reset'; target: 'member' } | { action: 'two_factor.disabled'; target: 'user' },
  now: Date,
): Promise<void> {
  const memberships = await trx
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', user.id)
    .orderBy('workspace_id')
    .execute();
  for (const { workspace_id } of memberships) {
    await recordAudit(trx, SYSTEM_ACTOR, {
      workspaceId: workspace_id,
      action: change.action,
      target: { type: change.target, id: user.id },
      changes: { email: user.email },
      now,
    });
  }
}
