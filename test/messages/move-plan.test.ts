import { describe, expect } from 'vitest';
import { moveAllStatement } from '../../src/messages/status-batch.js';
import { appTest } from '../helpers/fixture.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();

// A batch of receipts or of the dispatcher's `sent` records moves up to a hundred messages in one
// statement, each stamped with its own time. Found by a subquery over the batch, a row's time cost
// a scan of the whole batch for every row moved (on SQLite two scans joined), so a batch's cost
// grew with its square or cube: 100 receipts held SQLite's one connection for 51 ms.
describe('a batch of status moves', () => {
  it("reads the messages by id and each one's time by its id, with no subquery per row", async ({ t }) => {
    const ids = ['msg_a', 'msg_b', 'msg_c'];
    const ats = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-01-01T00:00:00.002Z'];
    const postgres = t.app.ctx.dialect === 'postgres';
    const plan = await planOf(
      t,
      moveAllStatement(t.app.ctx.db, postgres, 'delivered', {
        ids,
        ats,
        times: JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, ats[i]]))),
        status: 'delivered',
      }),
    );
    if (postgres) {
      expect(plan, plan).toMatch(/Index Scan (using|on) messages_pkey/);
      expect(plan, plan).not.toMatch(/SubPlan/);
    } else {
      expect(plan, plan).toMatch(/SEARCH messages USING INDEX sqlite_autoindex_messages_1 \(id=\?\)/);
      expect(plan, plan).not.toMatch(/CORRELATED/);
    }
  });
});
