import { describe, expect } from 'vitest';
import { keptCountQuery } from '../../src/conversations/counts.js';
import {
  countQuery,
  listQuery,
  withNumberLookup,
  type ConversationFilter,
} from '../../src/conversations/store.js';
import { appTest } from '../helpers/fixture.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();

/** Every filter of the inbox list, each with and without a cursor (page 1 and later pages). */
const FILTERS: Array<[string, ConversationFilter]> = [
  ['all', {}],
  ['a status', { status: 'open' }],
  ['a member', { assigneeId: 'usr_someone' }],
  ['nobody', { assigneeId: null }],
  ['unread', { unread: true }],
  ['a line', { deviceId: 'dev_someline' }],
  ['code-only threads too', { includeOtpOnly: true }],
  ['a member, code-only threads too', { assigneeId: 'usr_someone', includeOtpOnly: true }],
];
const TAG: ConversationFilter = { tag: 'vip' };
const CURSOR = { at: '2026-01-01T00:00:00.000Z', id: 'cnv_zzzz' };

describe('the inbox list reads indexes in its order', () => {
  for (const [name, filter] of FILTERS) {
    it(`pages of ${name} come from an index, never sorted`, async ({ t }) => {
      for (const after of [undefined, CURSOR]) {
        const plan = await planOf(t, listQuery(t.app.ctx.db, t.workspaceId, filter, after, 21));
        if (t.app.ctx.dialect === 'postgres') {
          expect(plan).not.toMatch(/\bSort\b/);
          expect(plan).not.toMatch(/Seq Scan on conversations/);
        } else {
          expect(plan).not.toMatch(/TEMP B-TREE/);
          expect(plan).toMatch(/SEARCH conversations USING INDEX/);
        }
      }
    });

    it(`counts of ${name} are summed from the kept counts, not counted over the conversations`, async ({
      t,
    }) => {
      const plan = await planOf(t, keptCountQuery(t.app.ctx.db, t.workspaceId, filter));
      expect(plan, plan).not.toMatch(/conversations\b/);
      if (t.app.ctx.dialect === 'postgres') expect(plan, plan).not.toMatch(/Seq Scan/);
      else expect(plan, plan).toMatch(/SEARCH k USING INDEX conversation_counts_workspace/);
    });
  }

  for (const [name, filter] of [
    ['a tag', TAG],
    ...FILTERS.map(([n, f]) => [`a tag and ${n}`, { ...f, ...TAG }]),
  ] as Array<[string, ConversationFilter]>) {
    it(`pages of ${name} come from the tag's index in list order, never sorted`, async ({ t }) => {
      for (const after of [undefined, CURSOR]) {
        const plan = await planOf(t, listQuery(t.app.ctx.db, t.workspaceId, filter, after, 21));
        if (t.app.ctx.dialect === 'postgres') {
          expect(plan, plan).not.toMatch(/\bSort\b/);
          expect(plan, plan).not.toMatch(/Seq Scan/);
          expect(plan, plan).toMatch(/conversation_tags_page/);
        } else {
          expect(plan, plan).not.toMatch(/TEMP B-TREE/);
          expect(plan, plan).toMatch(
            /SEARCH conversation_tags USING (COVERING )?INDEX conversation_tags_page/,
          );
          expect(plan, plan).toMatch(
            /SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 \(id=\?\)/,
          );
        }
      }
    });

    it(`counts of ${name} are summed from the tag's kept counts`, async ({ t }) => {
      const plan = await planOf(t, keptCountQuery(t.app.ctx.db, t.workspaceId, filter));
      expect(plan, plan).not.toMatch(/conversations\b|conversation_tags\b/);
      if (t.app.ctx.dialect === 'postgres') expect(plan, plan).not.toMatch(/Seq Scan/);
      else expect(plan, plan).toMatch(/SEARCH k USING INDEX conversation_tag_counts_tag/);
    });
  }

  it('a tag with a text search is counted from the tag index, not conversation by conversation', async ({
    t,
  }) => {
    const plan = await planOf(t, countQuery(t.app.ctx.db, t.workspaceId, { ...TAG, search: 'ana' }));
    if (t.app.ctx.dialect === 'postgres') expect(plan, plan).not.toMatch(/Seq Scan on conversation_tags/);
    else expect(plan, plan).toMatch(/conversation_tags USING COVERING INDEX conversation_tags_page/);
  });

  it('a text search reads a bounded window and the number index, never the whole inbox', async ({ t }) => {
    const number = await withNumberLookup(t.app.ctx.db, t.workspaceId, { search: '+1 555 123 4567' });
    expect(number.numberMatches).toEqual([]);
    const filters: ConversationFilter[] = [
      { search: 'ana', status: 'open' },
      // Its windows' marks as the lookup resolves them once per request.
      {
        search: 'ana',
        status: 'open',
        searchWindow: {
          conversationMark: '2026-01-01T00:00:00.000Z',
          messageMark: '2026-02-01T00:00:00.000Z',
        },
      },
      // A number's conversations (as the lookup finds them when there are some).
      { search: '+1 555 123 4567', status: 'open', numberMatches: ['cnv_a', 'cnv_b'] },
    ];
    for (const filter of filters) {
      // A number's counts are counted from its rows (a few, by id), not by the count query.
      const queries = filter.numberMatches
        ? [listQuery(t.app.ctx.db, t.workspaceId, filter, undefined, 21)]
        : [
            listQuery(t.app.ctx.db, t.workspaceId, filter, undefined, 21),
            countQuery(t.app.ctx.db, t.workspaceId, filter),
          ];
      for (const query of queries) {
        const plan = await planOf(t, query);
        if (t.app.ctx.dialect === 'postgres') {
          expect(plan, plan).not.toMatch(/Seq Scan/);
        } else {
          // The inbox itself is read as a range since the window's mark, or by id for a number.
          const reads = plan.split('\n').filter((line) => /(SEARCH|SCAN) conversations\b/.test(line));
          expect(reads.length, plan).toBeGreaterThan(0);
          for (const line of reads) expect(line, plan).toMatch(/last_message_at>\?|\(id=\?\)/);
          expect(plan, plan).not.toMatch(/SCAN messages\b/);
        }
      }
    }
  });
});
