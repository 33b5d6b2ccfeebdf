import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { refuseInserts } from '../helpers/refused-inserts.js';
import { linkSandboxDevice, messageStatus, sendText, waitForStatus } from '../helpers/sandbox.js';
import { timelineStatuses } from '../helpers/timeline.js';

const it = appTest();

// WhatsApp reports a delivery and a read once. When the database refuses them for longer than a
// receipt's quick tries (50 and 100 ms apart), they are applied once it takes them again; before,
// the message stayed `sent` for good.
describe('receipts the database refuses for a while', () => {
  it('are applied once the database takes them again', async ({ t }) => {
    await linkSandboxDevice(t);
    const refusal = await refuseInserts(t, 'message_status_history', "new.status in ('delivered', 'read')");
    const sent = await sendText(t, '+15557770003', 'Your code is 123456');
    expect(sent.statusCode).toBe(202);
    const id = (sent.json() as { id: string }).id;
    await waitForStatus(t, id, 'sent');
    // The sandbox reports delivered after 0.3 s and read after 1.5 s: both refused.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await messageStatus(t, id)).toBe('sent');
    await refusal.allow();

    await waitForStatus(t, id, 'read', 15_000);
    expect(await timelineStatuses(t.app.ctx.db, id)).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
    ]);
  });
});
