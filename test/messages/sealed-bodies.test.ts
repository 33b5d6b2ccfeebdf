/**
 * A message holding a one-time code keeps its real text sealed while the log shows it masked.
 * WhatsApp may ask for the text again to re-encrypt it for another of the recipient's devices
 * until the recipient has read it, so the sealed text is kept until `read`, or 24 hours after the
 * send, whichever comes first. A request for a message whose sealed text is gone is answered with
 * nothing, never with the masked text. Real database (both dialects), real dispatcher and receipts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/database.js';
import { applyReceipt, messageTextForRetry } from '../../src/messages/receipts.js';
import { eraseStaleSealedBodies, startSealedBodySweeper } from '../../src/messages/sealed-bodies.js';
import { sendMessage } from '../../src/messages/send.js';
import { newId } from '../../src/lib/ids.js';
import { eventually, startApp, workspacePlan, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { TestClock } from '../inbound/kit.js';
import type { MessageSource } from '../../src/messages/tables.js';

const HOUR = 60 * 60_000;
const TEXT = 'Your Acme code is 482913';
const MASKED = 'Your Acme code is ••••••';

let db: TestDatabase;
let t: TestApp;
let deviceId: string;
const clock = new TestClock();

beforeAll(async () => {
  db = await createTestDatabase();
  // Receipts only when the test applies them.
  t = await startApp(
    db,
    { WAPING_SANDBOX_DELIVERED_MS: '3600000', WAPING_SANDBOX_READ_MS: '3600000' },
    { clock },
  );
  deviceId = await linkSandboxDevice(t);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

let phones = 0;
/** A code message as the verification service sends it, once the dispatcher handed it to WhatsApp. */
async function sentCodeMessage() {
  const { ctx } = t.app;
  const view = await sendMessage(
    ctx,
    t.workspaceId,
    await workspacePlan(t),
    { to: `+1555444${String((phones += 1)).padStart(4, '0')}`, type: 'text', text: { body: TEXT }, deviceId },
    { source: 'verification', displayBody: MASKED },
  );
  const row = await eventually(async () => {
    const found = await ctx.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    return found.status === 'sent' && found;
  });
  return { id: row.id, waMessageId: row.wa_message_id! };
}

const sealedOf = async (id: string) =>
  (
    await t.app.ctx.db
      .selectFrom('messages')
      .select('sealed_body')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).sealed_body;
const receipt = (waMessageId: string, status: 'delivered' | 'read') =>
  applyReceipt(t.app.ctx, deviceId, { waMessageId, status, at: clock.now() });
const retryText = (waMessageId: string) => messageTextForRetry(t.app.ctx, deviceId, waMessageId);

describe('sealed text of code messages', () => {
  it('is kept after delivered (a re-send gets the real text) and erased at read (a re-send gets nothing)', async () => {
    const { id, waMessageId } = await sentCodeMessage();
    await receipt(waMessageId, 'delivered');
    expect(await sealedOf(id)).not.toBeNull();
    expect(await retryText(waMessageId)).toBe(TEXT);

    await receipt(waMessageId, 'read');
    expect(await sealedOf(id)).toBeNull();
    const answer = await retryText(waMessageId);
    expect(answer).toBeUndefined();
    expect((await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json().body).toBe(MASKED);
  });

  it('is erased 24 hours after the send when the message is never read; the sweep leaves the rest', async () => {
    const delivered = await sentCodeMessage();
    await receipt(delivered.waMessageId, 'delivered');
    const sentOnly = await sentCodeMessage();
    const sentAt = clock.now().getTime();

    clock.set(new Date(sentAt + 23 * HOUR));
    expect(await eraseStaleSealedBodies(t.app.ctx)).toBe(0);
    expect(await retryText(delivered.waMessageId)).toBe(TEXT);

    clock.set(new Date(sentAt + 25 * HOUR));
    expect(await eraseStaleSealedBodies(t.app.ctx)).toBe(2);
    for (const { id, waMessageId } of [delivered, sentOnly]) {
      expect(await sealedOf(id)).toBeNull();
      expect(await retryText(waMessageId)).toBeUndefined();
    }
    expect(await eraseStaleSealedBodies(t.app.ctx)).toBe(0);
  });

  it('runs the sweep on its own timer', async () => {
    const { id, waMessageId } = await sentCodeMessage();
    await receipt(waMessageId, 'delivered');
    clock.set(new Date(clock.now().getTime() + 25 * HOUR));
    const sweeper = startSealedBodySweeper(t.app.ctx, 20);
    try {
      await eventually(async () => (await sealedOf(id)) === null);
    } finally {
      await sweeper.stop();
    }
  });

  it('a message without a sealed text is re-sent from its body, as before', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId, to: '+15554449999', type: 'text', text: { body: 'Plain hello' } },
    });
    const message = await eventually(async () => {
      const found = await t.app.ctx.db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      return found.status === 'sent' && found;
    });
    await receipt(message.wa_message_id!, 'read');
    expect(await retryText(message.wa_message_id!)).toBe('Plain hello');
  });
});

describe('code messages delivered before this release', () => {
  it('are marked as masked by the migration, so a re-send request for them gets nothing', async () => {
    const old = await createTestDatabase();
    const handle = openDatabase({ databaseUrl: old.databaseUrl, dataDir: old.dataDir });
    try {
      const names = Object.keys(migrations).sort();
      const upgrade = names.indexOf('0009_masked_bodies');
      expect(upgrade).toBeGreaterThan(0);
      for (const name of names.slice(0, upgrade)) await migrations[name]!.up(handle.db, handle.dialect);
      const now = new Date().toISOString();
      await handle.db
        .insertInto('workspaces')
        .values({
          id: 'ws_old',
          name: 'old',
          plan: 'selfhosted',
          settings: '{}',
          created_at: now,
          updated_at: now,
        })
        .execute();
      const row = (id: string, source: MessageSource, body: string) => ({
        id,
        workspace_id: 'ws_old',
        device_id: null,
        direction: 'out' as const,
        phone: '+15554440000',
        type: 'text' as const,
        body,
        sealed_body: null,
        template_id: null,
        status: 'delivered' as const,
        error_code: null,
        error_message: null,
        priority: 2,
        source,
        source_id: null,
        metadata: null,
        wa_message_id: `3EB0${id.slice(-8)}`,
        queue_if_disconnected: 0,
        attempts: 1,
        expires_at: null,
        created_at: now,
        updated_at: now,
      });
      const code = newId('msg');
      const plain = newId('msg');
      await handle.db
        .insertInto('messages')
        .values([row(code, 'verification', MASKED), row(plain, 'api', 'Hi')])
        .execute();
      for (const name of names.slice(upgrade)) await migrations[name]!.up(handle.db, handle.dialect);
      const marked = await handle.db.selectFrom('messages').select(['id', 'masked']).orderBy('id').execute();
      expect(Object.fromEntries(marked.map((m) => [m.id, Number(m.masked)]))).toEqual({
        [code]: 1,
        [plain]: 0,
      });
    } finally {
      await handle.destroy();
      await old.drop();
    }
  });
});
