import { describe, expect } from 'vitest';
import { EngineSendError, type SendTextInput } from '../../src/engines/engine.js';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { lineDispatcher } from '../helpers/line-dispatcher.js';
import { sendText } from '../helpers/sandbox.js';
import { timelineStatuses } from '../helpers/timeline.js';

const it = appTest();

describe('a burst of claimed messages on an unpaced line', () => {
  it('goes back in line, untouched, when the line drops part way through', async ({ t }) => {
    let connected = true;
    const handedOff: string[] = [];
    // The phone's side of the line, as the dispatcher sees it: the line drops after two sends.
    const { deviceId, dispatcher } = await lineDispatcher(
      t,
      '+15550083001',
      {
        lookup: async (phone: string) => ({ onWhatsApp: true, jid: `${phone.slice(1)}@s.whatsapp.net` }),
        sendText: async ({ to, waMessageId, jid }: SendTextInput) => {
          handedOff.push(to);
          if (handedOff.length === 2) connected = false;
          return { waMessageId, jid: jid ?? '' };
        },
      },
      () => connected,
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await sendText(t, `+1555008310${i}`, `burst ${i}`, { deviceId, queueIfDisconnected: true });
      ids.push(res.json<{ id: string }>().id);
    }
    await dispatcher.start();
    const statuses = async () => {
      const rows = await t.app.ctx.db
        .selectFrom('messages')
        .select(['id', 'status', 'attempts'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
      return rows.map((r) => `${r.status}/${r.attempts}`);
    };
    await eventually(async () => (await statuses()).join() === 'sent/1,sent/1,queued/0,queued/0,queued/0');
    await dispatcher.stop();
    expect(handedOff).toEqual(['+15550083100', '+15550083101']);
    // Claimed with the burst, then put back: its timeline says so.
    expect(await timelineStatuses(t.app.ctx.db, ids[4]!)).toEqual(['queued', 'sending', 'queued']);
  });

  it('goes to an engine that takes several at once in one call, a refused one failing alone', async ({
    t,
  }) => {
    const calls: string[][] = [];
    const { deviceId, dispatcher } = await lineDispatcher(t, '+15550083002', {
      lookup: async (phone: string) => ({ onWhatsApp: true, jid: `${phone.slice(1)}@s.whatsapp.net` }),
      sendText: async () => {
        throw new Error('a burst goes through sendTexts');
      },
      sendTexts: async (inputs: SendTextInput[]) => {
        calls.push(inputs.map((input) => `${input.to} ${input.text}`));
        return inputs.map((input) =>
          input.to === '+15550083202'
            ? { ok: false as const, error: new EngineSendError('SEND_FAILED', 'refused') }
            : { ok: true as const, result: { waMessageId: input.waMessageId, jid: input.jid ?? '' } },
        );
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await sendText(t, `+1555008320${i}`, `burst ${i}`, { deviceId, queueIfDisconnected: true });
      ids.push(res.json<{ id: string }>().id);
    }
    await dispatcher.start();
    const statuses = async () => {
      const rows = await t.app.ctx.db
        .selectFrom('messages')
        .select(['id', 'status', 'error_code'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
      return rows.map((r) => `${r.status}${r.error_code ? `:${r.error_code}` : ''}`).join();
    };
    await eventually(async () => (await statuses()) === 'sent,sent,failed:SEND_FAILED,sent,sent');
    await dispatcher.stop();
    expect(calls).toEqual([Array.from({ length: 5 }, (_, i) => `+1555008320${i} burst ${i}`)]);
  });

  it('grows while a backlog drains through an engine that takes several at once, and starts small again', async ({
    t,
  }) => {
    const sizes: number[] = [];
    const { deviceId, dispatcher } = await lineDispatcher(t, '+15550083003', {
      lookup: async (phone: string) => ({ onWhatsApp: true, jid: `${phone.slice(1)}@s.whatsapp.net` }),
      sendText: async () => {
        throw new Error('a burst goes through sendTexts');
      },
      sendTexts: async (inputs: SendTextInput[]) => {
        sizes.push(inputs.length);
        return inputs.map((input) => ({
          ok: true as const,
          result: { waMessageId: input.waMessageId, jid: input.jid ?? '' },
        }));
      },
    });
    const queue = async (count: number) => {
      for (let i = 0; i < count; i++)
        await sendText(t, `+1555008330${i % 10}`, `backlog ${i}`, { deviceId, queueIfDisconnected: true });
    };
    const queued = () =>
      t.app.ctx.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', deviceId)
        .where('status', 'in', ['queued', 'sending'])
        .executeTakeFirstOrThrow();
    await queue(150);
    await dispatcher.start();
    await eventually(async () => Number((await queued()).n) === 0);
    // Each full claim doubles the next, up to 64; the last, not full, takes what was left.
    expect(sizes).toEqual([8, 16, 32, 64, 30]);
    await dispatcher.stop();

    sizes.length = 0;
    await queue(20);
    await dispatcher.start();
    await eventually(async () => Number((await queued()).n) === 0);
    await dispatcher.stop();
    expect(sizes).toEqual([8, 12]);
  });
});
