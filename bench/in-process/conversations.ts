/**
 * `npx tsx bench/in-process/conversations.ts`: p99 of the team inbox's list at 10 connections (BENCH_CONNECTIONS) on
 * BENCH_CONVERSATIONS (default 100,000) conversations, for the filters the dashboard uses. Absolute
 * latencies of one route, not ratios (the server and the load share this process): read them as
 * an upper bound. BENCH_SECONDS (default 5) per run; BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/types.js';
import { foldCounts } from '../../src/conversations/counts.js';
import { newId } from '../../src/lib/ids.js';
import { createUser } from '../../src/workspaces/users.js';
import { load } from './http-load.js';
import { startBenchServer } from './server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const total = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const STATUSES = ['open', 'pending', 'resolved', 'resolved', 'resolved'] as const;
const NAMES = ['Ana', 'Bruno', 'Chen', 'Dara', 'Emeka', 'Farah', 'Gus', 'Hana'];

/** Direct inserts in batches: most resolved, a fifth with unread messages, a tenth code-only, a few tagged. */
async function seedConversations(
  db: Kysely<Database>,
  workspaceId: string,
  deviceId: string,
  members: string[],
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

const server = await startBenchServer();
const headers = { authorization: `Bearer ${server.key}` };
const db = server.app.ctx.db;
const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
const members: string[] = [];
for (let i = 0; i < 5; i++) {
  const user = await createUser(db, {
    email: `agent${i}@example.com`,
    password: 'bench password 123',
    workspaceId: workspace.id,
    role: 'agent',
    now: new Date(),
  });
  members.push(user.id);
}
await seedConversations(db, workspace.id, server.deviceId, members);
// The seed wrote 100,000 deltas at once; fold them as the first count would, before measuring.
await foldCounts(db, server.app.ctx.dialect, workspace.id);
await foldCounts(db, server.app.ctx.dialect, workspace.id, 'conversation_tag_counts');
// PostgreSQL plans from statistics that autovacuum gathers some time after a bulk load; without
// them a join of the tag's conversations becomes a nested loop over every conversation.
if (server.app.ctx.dialect === 'postgres') await sql`analyze`.execute(db);

const firstPage = (await (
  await fetch(`${server.url}/v1/conversations?limit=20&status=resolved`, { headers })
).json()) as { nextCursor: string };
const cases: Array<[string, string]> = [
  ['all (first page, with counts)', 'limit=20'],
  ['open', 'limit=20&status=open'],
  ['resolved, page 2 (no counts)', `limit=20&status=resolved&cursor=${firstPage.nextCursor}`],
  ['assigned to one member', `limit=20&assignee=${members[1]}`],
  ['unassigned', 'limit=20&assignee=none'],
  ['unread', 'limit=20&unread=true'],
  ['tag', 'limit=20&tag=vip'],
  ['search by name', 'limit=20&q=hana%2099'],
  ['with code-only threads', 'limit=20&includeOtpOnly=true'],
];
console.log(`${total} conversations, ${connections} connections, ${seconds} s each`);
for (const [name, query] of cases) {
  const result = await load({
    url: `${server.url}/v1/conversations?${query}`,
    headers,
    connections,
    seconds,
  });
  const failed = result.non2xx + result.errors;
  console.log(
    `${name}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.requestsPerSecond}/s)` +
      (failed > 0 ? `, ${result.non2xx} non-2xx and ${result.errors} errors (timeouts)` : ''),
  );
}
await server.close();
process.exit(0);
