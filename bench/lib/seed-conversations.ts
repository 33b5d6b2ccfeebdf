import type { Kysely } from 'kysely';
import { foldCounts } from '../../src/conversations/counts.js';
import type { Dialect } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import { newId } from '../../src/lib/ids.js';
import { createUser } from '../../src/workspaces/users.js';

const STATUSES = ['open', 'pending', 'resolved', 'resolved', 'resolved'] as const;
const NAMES = ['Ana', 'Bruno', 'Chen', 'Dara', 'Emeka', 'Farah', 'Gus', 'Hana'];

/**
 * The inbox benches' data: five agents, `total` conversations on the device, and the kept counts
 * folded (the seed writes every delta at once; they are folded as the first count would, before
 * anything is measured). Returns the agents' ids.
 */
export async function seedInbox(
  db: Kysely<Database>,
  dialect: Dialect,
  workspaceId: string,
  deviceId: string,
  total: number,
): Promise<string[]> {
  const members: string[] = [];
  for (let i = 0; i < 5; i++) {
    const user = await createUser(db, {
      email: `agent${i}@example.com`,
      password: 'bench password 123',
      workspaceId,
      role: 'agent',
      now: new Date(),
    });
    members.push(user.id);
  }
  await seedConversations(db, workspaceId, deviceId, members, total);
  await foldCounts(db, dialect, workspaceId);
  await foldCounts(db, dialect, workspaceId, 'conversation_tag_counts');
  return members;
}

/** Direct inserts in batches: most resolved, a fifth with unread messages, a tenth code-only, a few tagged. */
export async function seedConversations(
  db: Kysely<Database>,
  workspaceId: string,
  deviceId: string,
  members: string[],
  total: number,
): Promise<void> {
  const batch = 500;
  const start = Date.now() - total * 1000;
  for (let done = 0; done < total; done += batch) {
    const rows = [];
    const tags = [];
    for (let i = done; i < Math.min(done + batch, total); i++) {
      const at = new Date(start + i * 1000).toISOString();
      const id = newId('cnv', start + i * 1000);
      rows.push({
        id,
        workspace_id: workspaceId,
        device_id: deviceId,
        phone: `+1556${String(i).padStart(7, '0')}`,
        contact_name: `${NAMES[i % NAMES.length]} ${i}`,
        status: STATUSES[i % STATUSES.length]!,
        assignee_id: i % 3 === 0 ? null : members[i % members.length]!,
        unread_count: i % 5 === 0 ? 2 : 0,
        otp_only: i % 10 === 7 ? 1 : 0,
        last_message_id: null,
        last_message_at: at,
        last_direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
        last_preview: 'Where is my order?',
        last_inbound_at: at,
        created_at: at,
        updated_at: at,
      });
      if (i % 20 === 0) tags.push({ conversation_id: id, workspace_id: workspaceId, tag: 'vip' });
    }
    await db.insertInto('conversations').values(rows).execute();
    if (tags.length > 0) await db.insertInto('conversation_tags').values(tags).execute();
  }
}

/**
 * The inbox list's filters as the dashboard asks for them (name, query string). `page2Cursor` is
 * the cursor of the first page of resolved conversations.
 */
export function inboxFilters(members: string[], page2Cursor: string): Array<[string, string]> {
  return [
    ['all (first page, with counts)', 'limit=20'],
    ['open', 'limit=20&status=open'],
    ['resolved, page 2 (no counts)', `limit=20&status=resolved&cursor=${page2Cursor}`],
    ['assigned to one member', `limit=20&assignee=${members[1]}`],
    ['unassigned', 'limit=20&assignee=none'],
    ['unread', 'limit=20&unread=true'],
    ['tag', 'limit=20&tag=vip'],
    ['search by name', 'limit=20&q=hana%2099'],
    ['with code-only threads', 'limit=20&includeOtpOnly=true'],
  ];
}
