import { describe, expect } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { STATS_BATCH, statsBatchQuery, verificationStats } from '../../src/verify/stats.js';
import { appTest } from '../helpers/fixture.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();

const WINDOW = { since: new Date('2026-10-01T00:00:00.000Z'), until: new Date('2026-11-01T00:00:00.000Z') };
const CURSOR = { createdAt: '2026-10-15T12:00:00.000Z', id: 'ver_zzzz' };

describe('GET /v1/verifications/stats', () => {
  it('reads the window as a range of the workspace, in its order, never sorted', async ({ t }) => {
    for (const after of [null, CURSOR]) {
      const query = statsBatchQuery(t.app.ctx.db, t.workspaceId, WINDOW, after);
      const plan = await planOf(t, query);
      if (t.app.ctx.dialect === 'postgres') {
        expect(plan, plan).not.toMatch(/\bSort\b/);
        expect(plan, plan).not.toMatch(/Seq Scan/);
        // The window bounds the index read; a Filter on created_at would mean the rows are checked one by one.
        expect(plan, plan).toMatch(/Index Cond: \(\(workspace_id = .*\(created_at >= .*\(created_at < /);
        expect(plan, plan).not.toMatch(/Filter: .*created_at/);
      } else {
        expect(plan, plan).not.toMatch(/TEMP B-TREE/);
        expect(plan, plan).toMatch(
          /SEARCH verifications USING INDEX \w+ \(workspace_id=\? AND created_at>\? AND created_at<\?\)/,
        );
      }
      // A later batch starts its range at the cursor, not at the window's start again.
      expect(query.compile().parameters.slice(0, 2)).toEqual([
        t.workspaceId,
        after ? after.createdAt : WINDOW.since.toISOString(),
      ]);
    }
  });

  it('counts every verification of the window once across batches, ties of an instant included', async ({
    t,
  }) => {
    const db = t.app.ctx.db;
    const row = (createdAt: string, status: 'approved' | 'failed') => ({
      id: newId('ver'),
      workspace_id: t.workspaceId,
      phone: '+15550001111',
      email: null,
      status,
      channels: JSON.stringify(['whatsapp']),
      route: JSON.stringify(['whatsapp']),
      route_index: 0,
      attempt_state: 'done' as const,
      attempt_message_id: null,
      attempt_deadline: null,
      send_attempts: JSON.stringify([{ channel: 'whatsapp', status: 'delivered' }]),
      device_id: null,
      template_id: null,
      locale: 'en',
      code_length: 6,
      channel_timeout_seconds: 60,
      code_hash: 'x',
      check_attempts: 0,
      version: 0,
      sealed_code: null,
      expires_at: '2026-12-01T00:00:00.000Z',
      approved_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    // More than a batch at one instant (a batch ends inside it), then one a minute, then some outside.
    const rows = [
      ...Array.from({ length: STATS_BATCH + 200 }, () => row('2026-10-10T10:00:00.000Z', 'approved')),
      ...Array.from({ length: STATS_BATCH }, (_, i) =>
        row(new Date(Date.parse('2026-10-20T00:00:00.000Z') + i * 60_000).toISOString(), 'failed'),
      ),
      ...Array.from({ length: 30 }, () => row('2026-09-30T23:59:59.999Z', 'approved')),
      ...Array.from({ length: 30 }, () => row('2026-11-01T00:00:00.000Z', 'approved')),
    ];
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('verifications')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const stats = await verificationStats(db, t.workspaceId, WINDOW, new Date('2026-11-15T00:00:00.000Z'));
    expect(stats.total).toBe(2 * STATS_BATCH + 200);
    expect(stats.byStatus.approved).toBe(STATS_BATCH + 200);
    expect(stats.byStatus.failed).toBe(STATS_BATCH);
  });
});
