import { describe, expect } from 'vitest';
import type { SendTextInput } from '../../src/engines/engine.js';
import { eventually } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { lineDispatcher } from '../helpers/line-dispatcher.js';
import { sendText } from '../helpers/sandbox.js';

const it = appTest();

const ON_WHATSAPP = '+15550084101';
const NOT_ON_WHATSAPP = '+15550084102';

/** A dispatcher on a line whose lookups and sends are counted; `+…102` is not on WhatsApp. */
async function countedLine(t: TestApp, ownNumber: string) {
  const lookups: string[] = [];
  const sent: string[] = [];
  const { deviceId, dispatcher } = await lineDispatcher(t, ownNumber, {
    lookup: async (phone: string) => {
      lookups.push(phone);
      return phone === NOT_ON_WHATSAPP
        ? { onWhatsApp: false }
        : { onWhatsApp: true, jid: `${phone.slice(1)}@s.whatsapp.net` };
    },
    sendText: async ({ to, waMessageId, jid }: SendTextInput) => {
      sent.push(to);
      return { waMessageId, jid: jid ?? '' };
    },
  });
  return { deviceId, dispatcher, lookups, sent };
}

const statusOf = async (t: TestApp, id: string) =>
  (
    await t.app.ctx.db
      .selectFrom('messages')
      .select(['status', 'error_code'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;

const contactOf = (t: TestApp, phone: string) =>
  t.app.ctx.db
    .selectFrom('contacts')
    .select(['jid', 'on_whatsapp', 'checked_at', 'last_device_id'])
    .where('workspace_id', '=', t.workspaceId)
    .where('phone', '=', phone)
    .executeTakeFirst();

describe("a number's WhatsApp lookup", () => {
  it('is stored with the first message that goes out, and not made again for the next', async ({ t }) => {
    const { deviceId, dispatcher, lookups, sent } = await countedLine(t, '+15550084001');
    // Each message is queued first and the line then started for it: what it knows of the
    // number comes from the database, as a later claim would find it.
    const deliver = async (to: string, text: string, status: 'sent' | 'failed') => {
      const res = await sendText(t, to, text, { deviceId, queueIfDisconnected: true });
      const id = res.json<{ id: string }>().id;
      await dispatcher.start();
      try {
        await eventually(async () => (await statusOf(t, id)) === status);
      } finally {
        await dispatcher.stop();
      }
    };

    await deliver(ON_WHATSAPP, 'first', 'sent');
    expect(await contactOf(t, ON_WHATSAPP)).toEqual({
      jid: '15550084101@s.whatsapp.net',
      on_whatsapp: 1,
      checked_at: expect.any(String),
      last_device_id: deviceId,
    });
    await deliver(ON_WHATSAPP, 'second', 'sent');
    expect(lookups).toEqual([ON_WHATSAPP]);

    // A number not on WhatsApp: the message fails, and the answer is kept for the next one.
    await deliver(NOT_ON_WHATSAPP, 'nobody there', 'failed');
    expect(await contactOf(t, NOT_ON_WHATSAPP)).toMatchObject({ on_whatsapp: 0, jid: null });
    await deliver(NOT_ON_WHATSAPP, 'still nobody', 'failed');
    expect(lookups).toEqual([ON_WHATSAPP, NOT_ON_WHATSAPP]);
    expect(sent).toEqual([ON_WHATSAPP, ON_WHATSAPP]);
  });
});
