import { Readable } from 'node:stream';
import { describe, expect } from 'vitest';
import { deviceHooks } from '../../src/device-hooks.js';
import { InboundHandler } from '../../src/inbound/handle-inbound.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

// A WhatsApp sender can put U+0000 in a text, a profile name or a file's name and type. The API
// refuses it in requests, but a received message cannot be refused: it is stored with U+FFFD in
// its place. Before, PostgreSQL refused the row and the message was lost.
describe('a received message holding the NUL character', () => {
  it('is stored, the character replaced, with its sender as a contact', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t);
    const hooks = deviceHooks(t.app.ctx, new InboundHandler(t.app.ctx));
    const device = { id: deviceId, workspaceId: t.workspaceId };
    await hooks.onInbound(device, {
      waMessageId: 'NUL-TEXT-1',
      from: '+15557770001',
      jid: '15557770001@s.whatsapp.net',
      pushName: 'Ann\u0000Lee',
      text: 'my code\u0000 is late',
      at: new Date(),
    });
    await hooks.onInbound(device, {
      waMessageId: 'NUL-FILE-1',
      from: '+15557770001',
      jid: '15557770001@s.whatsapp.net',
      text: 'the invoice',
      kind: 'document',
      media: {
        kind: 'document',
        mime: 'application/pdf\u0000',
        filename: 'invoice\u0000.pdf',
        open: async () => Readable.from([Buffer.from('%PDF-1.4 a file\n%%EOF\n')]),
      },
      at: new Date(),
    });

    const stored = await t.app.ctx.db
      .selectFrom('messages')
      .select(['wa_message_id', 'body', 'metadata', 'media'])
      .where('direction', '=', 'in')
      .orderBy('wa_message_id')
      .execute();
    expect(stored.map((m) => m.wa_message_id)).toEqual(['NUL-FILE-1', 'NUL-TEXT-1']);
    const [file, text] = stored;
    expect(text!.body).toBe('my code\ufffd is late');
    expect(JSON.parse(text!.metadata!)).toEqual({ pushName: 'Ann\ufffdLee' });
    expect(file!.body).toBe('the invoice');
    const media = JSON.parse(file!.media!) as { id: string; mime: string; filename: string };
    expect(media).toMatchObject({ mime: 'application/pdf\ufffd', filename: 'invoice.pdf' });
    expect(
      await t.app.ctx.db.selectFrom('media').select('id').where('id', '=', media.id).execute(),
    ).toHaveLength(1);

    const contact = await t.request({ method: 'GET', url: '/v1/contacts/%2B15557770001' });
    expect(contact.statusCode).toBe(200);
    expect((contact.json() as { displayName: string }).displayName).toBe('Ann\ufffdLee');
  });
});
