import type { DbOrTx } from '../db/database.js';

/**
 * Takes the right to answer `phone` with a rule now: true unless the rule answered this contact
 * within `minutes`. One conditional upsert, so concurrent messages (or nodes) cannot both win.
 */
export async function claimCooldown(
  db: DbOrTx,
  input: { workspaceId: string; ruleId: string; phone: string; minutes: number; now: Date },
): Promise<boolean> {
  if (input.minutes <= 0) return true;
  const at = input.now.toISOString();
  const threshold = new Date(input.now.getTime() - input.minutes * 60_000).toISOString();
  const result = await db
    .insertInto('auto_reply_cooldowns')
    .values({ rule_id: input.ruleId, phone: input.phone, workspace_id: input.workspaceId, last_reply_at: at })
    .onConflict((oc) =>
      oc
        .columns(['rule_id', 'phone'])
        .doUpdateSet({ last_reply_at: at })
        .where('auto_reply_cooldowns.last_reply_at', '<=', threshold),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets every cooldown of a number (the contact asked to be forgotten). */
export async function forgetCooldowns(db: DbOrTx, workspaceId: string, phone: string): Promise<void> {
  await db
    .deleteFrom('auto_reply_cooldowns')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .execute();
}
