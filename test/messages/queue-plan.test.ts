import { describe, expect } from 'vitest';
import { claimableQuery, claimStatementOnPostgres } from '../../src/messages/claim.js';
import { queuedOn, stuckSendingQuery } from '../../src/messages/store.js';
import { appTest } from '../helpers/fixture.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();
const AT = '2026-01-01T00:00:00.000Z';
const FENCE = { deviceId: 'dev_someline', nodeId: 'node_a', generation: 1 };

// The queue's indexes hold queued (and sending) messages only, so a sent message's later status
// changes cost them nothing; every read of the queue must still come from them, in send order.
describe("the dispatcher's reads of the queue", () => {
  it('claim the next messages in send order from the queue index, never sorted', async ({ t }) => {
    const plan =
      t.app.ctx.dialect === 'postgres'
        ? await planOf(t, {
            compile: () => claimStatementOnPostgres('dev_someline', FENCE, AT, 8).compile(t.app.ctx.db),
          })
        : await planOf(t, claimableQuery(t.app.ctx.db, 'dev_someline', AT, 8));
    if (t.app.ctx.dialect === 'postgres') {
      expect(plan, plan).toMatch(/Index Scan using messages_queue on messages/);
      expect(plan, plan).not.toMatch(/\bSort\b/);
      expect(plan, plan).not.toMatch(/Seq Scan on messages/);
    } else {
      expect(plan, plan).toMatch(/SEARCH messages USING INDEX messages_queue \(device_id=\?\)/);
      expect(plan, plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("find a line's queued messages (to cancel them) from the queue index", async ({ t }) => {
    const plan = await planOf(t, queuedOn(t.app.ctx.db, 'dev_someline').select('id'));
    if (t.app.ctx.dialect === 'postgres') {
      expect(plan, plan).toMatch(/Index (Only )?Scan using messages_queue/);
      expect(plan, plan).not.toMatch(/Seq Scan/);
    } else
      expect(plan, plan).toMatch(/SEARCH messages USING (COVERING )?INDEX messages_queue \(device_id=\?\)/);
  });

  it('find what a crash left in sending on a line from the sending index', async ({ t }) => {
    const plan = await planOf(t, stuckSendingQuery(t.app.ctx.db, 'dev_someline'));
    if (t.app.ctx.dialect === 'postgres') {
      expect(plan, plan).toMatch(/Index Scan using messages_sending/);
      expect(plan, plan).not.toMatch(/Seq Scan/);
    } else expect(plan, plan).toMatch(/SEARCH messages USING INDEX messages_sending \(device_id=\?\)/);
  });
});
