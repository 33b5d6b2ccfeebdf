import { describe, expect } from 'vitest';
import { dueForExpiryQuery } from '../../src/messages/store.js';
import { appTest } from '../helpers/fixture.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();

describe('the expiry sweep', () => {
  // It runs every second: a scan of the message log there grows with the log, on SQLite's one connection.
  it('reads the queued messages with an expiry from an index, not the whole log', async ({ t }) => {
    const query = dueForExpiryQuery(t.app.ctx.db, new Date().toISOString(), 200);
    const plan = await planOf(t, query);
    if (t.app.ctx.dialect === 'postgres') {
      expect(plan, plan).not.toMatch(/Seq Scan/);
      expect(plan, plan).toMatch(/Index (Only )?Scan using messages_expiry/);
    } else {
      expect(plan, plan).not.toMatch(/SCAN messages\b/);
      expect(plan, plan).toMatch(/SEARCH messages USING (COVERING )?INDEX messages_expiry \(expires_at<\?\)/);
    }
  });
});
