import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

/** Connections of the request pool on PostgreSQL (src/db/database.ts); SQLite has one handle. */
const REQUEST_POOL = 10;

describe("an engine's own writes", () => {
  it('do not wait for the request pool: a hand-off goes through while requests hold all of it', async ({
    t,
  }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550084001' });
    // The phone drops and comes back by itself in 2 s; meanwhile a message waits in the queue.
    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${deviceId}/disconnect`,
      payload: { reconnectAfterMs: 2_000 },
    });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const queued = await sendText(t, '+15550084101', 'while the requests are busy', {
      deviceId,
      queueIfDisconnected: true,
    });
    expect(queued.statusCode).toBe(202);
    const id = queued.json<{ id: string }>().id;

    // A burst of requests holds every connection of the request pool (on SQLite the one handle is
    // shared, so there is nothing to hold: the hand-off below is what both dialects must do).
    let letGo: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (letGo = resolve));
    const held: Array<Promise<void>> = [];
    if (t.app.ctx.dialect === 'postgres') {
      let holding = 0;
      for (let i = 0; i < REQUEST_POOL; i++)
        held.push(
          t.app.ctx.db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            holding++;
            await released;
          }),
        );
      await eventually(() => holding === REQUEST_POOL);
    }
    try {
      // Reconnected, the line hands the message off and records it through the background pool.
      // Well inside the lease's 5 s, whose renewal may itself wait for the request pool.
      await eventually(async () => {
        const row = await t.app.ctx.backgroundDb
          .selectFrom('messages')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return ['sent', 'delivered', 'read'].includes(row.status);
      }, 4_500);
    } finally {
      letGo();
      await Promise.all(held);
    }
  });
});
