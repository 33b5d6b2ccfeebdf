/** The inbox's answer for a tag against the conversations themselves (tag-counts tests). */
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { listConversations } from './kit.js';

interface Where {
  query: string;
  assigneeId?: string | null;
  deviceId?: string;
  unread?: boolean;
  includeOtpOnly?: boolean;
}

/**
 * For every tag and filter: the tag's counts per status against a plain COUNT over the
 * conversations joined to their tags, and the tag's page against the same rows sorted by their
 * conversation's own last_message_at (the copy in conversation_tags must follow it).
 */
export async function expectTagsTrue(
  t: TestApp,
  tags: string[],
  lines: string[],
  members: string[],
): Promise<void> {
  const wheres: Where[] = [
    { query: '' },
    { query: 'includeOtpOnly=true', includeOtpOnly: true },
    { query: 'unread=true', unread: true },
    { query: 'assignee=none', assigneeId: null },
    ...members.map((m) => ({ query: `assignee=${m}`, assigneeId: m })),
    ...lines.map((d) => ({ query: `deviceId=${d}&includeOtpOnly=true`, deviceId: d, includeOtpOnly: true })),
  ];
  for (const tag of tags) {
    for (const where of wheres) {
      let real = t.app.ctx.db
        .selectFrom('conversations as c')
        .innerJoin('conversation_tags as ct', 'ct.conversation_id', 'c.id')
        .where('ct.tag', '=', tag)
        .where('c.workspace_id', '=', t.workspaceId);
      if (!where.includeOtpOnly) real = real.where('c.otp_only', '=', 0);
      if (where.assigneeId === null) real = real.where('c.assignee_id', 'is', null);
      else if (where.assigneeId) real = real.where('c.assignee_id', '=', where.assigneeId);
      if (where.deviceId) real = real.where('c.device_id', '=', where.deviceId);
      if (where.unread) real = real.where('c.unread_count', '>', 0);
      const expected = { open: 0, pending: 0, resolved: 0 };
      const counted = await real
        .select((eb) => ['c.status', eb.fn.countAll<number | string>().as('n')])
        .groupBy('c.status')
        .execute();
      for (const row of counted) expected[row.status] = Number(row.n);
      const order = await real
        .select('c.id')
        .orderBy('c.last_message_at', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
      const query = `tag=${tag}&limit=100${where.query ? `&${where.query}` : ''}`;
      const page = await listConversations(t, query);
      expect(page.counts, query).toEqual(expected);
      expect(
        page.data.map((c) => c.id),
        query,
      ).toEqual(order.map((r) => r.id));
    }
  }
}
