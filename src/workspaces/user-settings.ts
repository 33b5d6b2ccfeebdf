import { Type, type Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { Database } from '../db/types.js';

/** A member's own preferences; every field has a default, so an older row reads as complete. */
export const UserSettingsSchema = Type.Object(
  {
    inboxNotifications: Type.Boolean({
      description:
        'Show a browser notification for a new customer message in a conversation assigned to me or to nobody',
    }),
  },
  { additionalProperties: false },
);
export type UserSettings = Static<typeof UserSettingsSchema>;

export const UserSettingsPatchSchema = Type.Partial(UserSettingsSchema, { additionalProperties: false });
export type UserSettingsPatch = Static<typeof UserSettingsPatchSchema>;

const DEFAULTS: UserSettings = { inboxNotifications: false };

/** The stored JSON read leniently: unknown keys dropped, wrong types replaced by the default. */
export function parseUserSettings(json: string | null | undefined): UserSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // A damaged value is treated as "nothing chosen yet" rather than locking the member out.
  }
  return {
    inboxNotifications:
      typeof stored.inboxNotifications === 'boolean'
        ? stored.inboxNotifications
        : DEFAULTS.inboxNotifications,
  };
}

export async function userSettings(db: DbOrTx, userId: string): Promise<UserSettings> {
  const row = await db.selectFrom('users').select('settings').where('id', '=', userId).executeTakeFirst();
  return parseUserSettings(row?.settings);
}

/** Merges the given fields into the member's settings and returns the result. */
export async function updateUserSettings(
  db: Kysely<Database>,
  userId: string,
  patch: UserSettingsPatch,
  now: Date,
): Promise<UserSettings> {
  return db.transaction().execute(async (trx) => {
    const next = { ...(await userSettings(trx, userId)), ...patch };
    await trx
      .updateTable('users')
      .set({ settings: JSON.stringify(next), updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    return next;
  });
}
