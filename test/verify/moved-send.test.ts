import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifyChannels } from '../../src/verify/channels.js';
import { runSends } from '../../src/verify/fallback.js';
import { freshPhone, startVerification, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit();
});
afterAll(async () => {
  await kit.close();
});

const messagesTo = (phone: string) =>
  kit.t.app.ctx.db
    .selectFrom('messages')
    .select('id')
    .where('phone', '=', phone)
    .where('direction', '=', 'out')
    .execute();

const messagesCounted = async () =>
  (
    await kit.t.app.ctx.db
      .selectFrom('usage_counters')
      .select((eb) => eb.fn.sum<number>('messages_sent').as('sent'))
      .where('workspace_id', '=', kit.t.workspaceId)
      .executeTakeFirstOrThrow()
  ).sent;

describe('a code send that lost its verification', () => {
  it('accepts no message and counts none when the verification moved on before the accept', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, channels: ['whatsapp'] });
    // The row as a sender held it before the cancel below: claimed, code still sealed in it.
    const held = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const canceled = await kit.t.request({ method: 'POST', url: `/v1/verifications/${created.id}/cancel` });
    expect(canceled.statusCode).toBe(200);
    const before = await messagesTo(to);
    expect(before).toHaveLength(1);
    const counted = await messagesCounted();

    const channels = createVerifyChannels(kit.t.config);
    try {
      const after = await runSends(kit.t.app.ctx, channels, { ...held, attempt_state: 'sending' });
      expect(after.id).toBe(created.id);
    } finally {
      channels.close();
    }

    // The stale sender's message was never accepted: not queued, not sent, not counted. (The
    // first message's status may move on meanwhile: its ids are compared.)
    expect(await messagesTo(to)).toEqual(before);
    expect(await messagesCounted()).toBe(counted);
  });
});
