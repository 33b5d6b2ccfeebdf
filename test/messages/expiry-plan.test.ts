import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { dueForExpiryQuery } from '../../src/messages/store.js';
import { appTest } from '../helpers/fixture.js';
import { makeDevice, makeMessage } from '../helpers/factories.js';
import { planOf } from '../helpers/query-plan.js';

const it = appTest();

describe('the expiry sweep', () => {
  // It runs every second: a scan of the message log there grows with the log, on SQLite's one connection.
  it('reads the queued messages with an expiry from an index, not the whole log', async ({ t }) => {
    // A backlog as a line that is down builds one: most queued messages have no expiry. On empty
    // tables PostgreSQL's planner cannot tell the expiry index from the queue index (which holds
    // every queued message); with a backlog and statistics it must take the expiry index.
    const db = t.app.ctx.db;
    const device = await makeDevice(db, { workspace_id: t.workspaceId });
    const expiry = new Date(Date.now() + 3600_000).toISOString();
    for (let i = 0; i < 300; i++)
      await makeMessage(db, {
        workspace_id: t.workspaceId,
        device_id: device.id,
        expires_at: i % 100 === 0 ? expiry : null,
      });
    await sql`analyze`.execute(db);
    const query = dueForExpiryQuery(db, new Date().toISOString(), 200);
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
