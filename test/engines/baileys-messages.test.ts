import { describe, it, expect } from 'vitest';
import { proto } from 'baileys';
import type { WAMessageUpdate } from 'baileys';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { harness, message, record, settle } from './baileys/fake-socket.js';

const Status = proto.WebMessageInfo.Status;

async function connected() {
  const h = harness();
  const engine = new BaileysEngine(h.ctx, h.options);
  const rec = record(engine);
  await engine.start();
  h.last().open();
  return { ...h, engine, rec };
}

const ownKey = (id: string) => ({ remoteJid: '15557654321@s.whatsapp.net', fromMe: true, id });

describe('baileys engine: receipts (messages.update)', () => {
  it('maps WebMessageInfo.Status of our own messages onto message_status', async () => {
    const { engine, last, rec } = await connected();
    const updates: WAMessageUpdate[] = [
      { key: ownKey('A'), update: { status: Status.SERVER_ACK } },
      { key: ownKey('A'), update: { status: Status.DELIVERY_ACK, messageTimestamp: 1_700_000_001 } },
      { key: ownKey('A'), update: { status: Status.READ } },
      { key: ownKey('B'), update: { status: Status.PLAYED } },
      { key: ownKey('C'), update: { status: Status.ERROR, messageStubParameters: ['479'] } },
      // Not ours, no status, or not a delivery state: ignored.
      { key: { ...ownKey('D'), fromMe: false }, update: { status: Status.READ } },
      { key: ownKey('E'), update: { message: { conversation: 'edited' } } },
      { key: ownKey('F'), update: { status: Status.PENDING } },
    ];
    last().emit('messages.update', updates);
    const statuses = rec.of('message_status').map(({ waMessageId, status, error }) => ({
      waMessageId,
      status,
      ...(error ? { error } : {}),
    }));
    // A read (or played) receipt is also a delivery: Baileys may have merged the two.
    expect(statuses).toEqual([
      { waMessageId: 'A', status: 'sent' },
      { waMessageId: 'A', status: 'delivered' },
      { waMessageId: 'A', status: 'delivered' },
      { waMessageId: 'A', status: 'read' },
      { waMessageId: 'B', status: 'delivered' },
      { waMessageId: 'B', status: 'read' },
      { waMessageId: 'C', status: 'failed', error: 'whatsapp error 479' },
    ]);
    expect(rec.of('message_status')[0]!.at).toBeInstanceOf(Date);
    await engine.stop();
  });
});

describe('baileys engine: customer messages (messages.upsert)', () => {
  it('emits inbound for a phone-number sender, with E.164 and push name', async () => {
    const { engine, last, rec } = await connected();
    last().emit('messages.upsert', {
      type: 'notify',
      messages: [
        message(
          { remoteJid: '447700900123@s.whatsapp.net', fromMe: false, id: 'IN1', addressingMode: 'pn' },
          { conversation: 'Hello there' },
          { pushName: 'Jane' },
        ),
      ],
    });
    await settle();
    expect(rec.of('inbound')).toEqual([
      {
        waMessageId: 'IN1',
        from: '+447700900123',
        jid: '447700900123@s.whatsapp.net',
        pushName: 'Jane',
        text: 'Hello there',
        at: new Date(1_700_000_000 * 1000),
      },
    ]);
    await engine.stop();
  });

  it('resolves a LID sender through remoteJidAlt, then through the LID mapping store', async () => {
    const { engine, last, rec } = await connected();
    last().lidToPn.set('99887766554433@lid', '15550001111:0@s.whatsapp.net');
    last().emit('messages.upsert', {
      type: 'notify',
      messages: [
        message(
          {
            remoteJid: '12345678901234@lid',
            remoteJidAlt: '15552223333@s.whatsapp.net',
            fromMe: false,
            id: 'LID1',
            addressingMode: 'lid',
          },
          { extendedTextMessage: { text: 'via alt' } },
        ),
        message(
          { remoteJid: '99887766554433@lid', fromMe: false, id: 'LID2', addressingMode: 'lid' },
          { imageMessage: { caption: 'via mapping' } },
        ),
        message(
          { remoteJid: '11111111111111@lid', fromMe: false, id: 'LID3', addressingMode: 'lid' },
          { conversation: 'nobody knows me' },
        ),
      ],
    });
    await settle();
    expect(
      rec.of('inbound').map(({ waMessageId, from, jid, text }) => ({ waMessageId, from, jid, text })),
    ).toEqual([
      { waMessageId: 'LID1', from: '+15552223333', jid: '12345678901234@lid', text: 'via alt' },
      { waMessageId: 'LID2', from: '+15550001111', jid: '99887766554433@lid', text: 'via mapping' },
    ]);
    await engine.stop();
  });

  it('reads captions and wrapped (disappearing, document-with-caption) messages', async () => {
    const { engine, last, rec } = await connected();
    const from = (id: string) => ({ remoteJid: '15557654321@s.whatsapp.net', fromMe: false, id });
    last().emit('messages.upsert', {
      type: 'notify',
      messages: [
        message(from('V'), { videoMessage: { caption: 'video caption' } }),
        message(from('D'), {
          documentWithCaptionMessage: { message: { documentMessage: { caption: 'doc' } } },
        }),
        message(from('E'), { ephemeralMessage: { message: { conversation: 'ephemeral' } } }),
      ],
    });
    await settle();
    expect(rec.of('inbound').map((m) => m.text)).toEqual(['video caption', 'doc', 'ephemeral']);
    await engine.stop();
  });

  it('reports an appended message that WhatsApp delivered with offline="1" (sent while we were away)', async () => {
    const { engine, last, rec } = await connected();
    last().stanza('OFF1', true);
    last().stanza('LIVE1', false);
    last().emit('messages.upsert', {
      type: 'append',
      messages: [
        message(
          { remoteJid: '15557654321@s.whatsapp.net', fromMe: false, id: 'OFF1' },
          { conversation: 'STOP' },
        ),
        // Appended without an offline stanza: not news (a notification turned into a message).
        message(
          { remoteJid: '15557654321@s.whatsapp.net', fromMe: false, id: 'LIVE1' },
          { conversation: 'x' },
        ),
      ],
    });
    await settle();
    expect(rec.of('inbound').map(({ waMessageId, text }) => ({ waMessageId, text }))).toEqual([
      { waMessageId: 'OFF1', text: 'STOP' },
    ]);
    await engine.stop();
  });

  it('ignores own messages, other appends, groups and status broadcasts; records a reaction as one', async () => {
    const { engine, last, rec } = await connected();
    // Our own message delivered offline (sent from the phone while we were away) is still ours.
    last().stanza('OWNOFF', true);
    last().emit('messages.upsert', {
      type: 'append',
      messages: [
        message({ remoteJid: '15557654321@s.whatsapp.net', fromMe: false, id: 'H' }, { conversation: 'old' }),
        message(
          { remoteJid: '15557654321@s.whatsapp.net', fromMe: true, id: 'OWNOFF' },
          { conversation: 'mine' },
        ),
      ],
    });
    last().emit('messages.upsert', {
      type: 'notify',
      messages: [
        message({ remoteJid: '15557654321@s.whatsapp.net', fromMe: true, id: 'O' }, { conversation: 'ours' }),
        message(
          {
            remoteJid: '120363000000000000@g.us',
            participant: '15557654321@s.whatsapp.net',
            fromMe: false,
            id: 'G',
          },
          { conversation: 'group' },
        ),
        message(
          {
            remoteJid: 'status@broadcast',
            participant: '15557654321@s.whatsapp.net',
            fromMe: false,
            id: 'S',
          },
          { conversation: 'story' },
        ),
        message(
          { remoteJid: '15557654321@s.whatsapp.net', fromMe: false, id: 'R' },
          {
            reactionMessage: { text: '👍' },
          },
        ),
      ],
    });
    await settle();
    // A reaction is not a conversation message, but it is recorded with a summary, not dropped.
    expect(rec.of('inbound').map(({ waMessageId, kind, text }) => ({ waMessageId, kind, text }))).toEqual([
      { waMessageId: 'R', kind: 'reaction', text: '[reaction] 👍' },
    ]);
    await engine.stop();
  });

  it('a failing LID lookup is contained: no throw into Baileys, no unhandled rejection', async () => {
    const { engine, last, rec } = await connected();
    last().signalRepository.lidMapping.getPNForLID = async () => {
      throw new Error('store unavailable');
    };
    expect(() =>
      last().emit('messages.upsert', {
        type: 'notify',
        messages: [message({ remoteJid: '1234@lid', fromMe: false, id: 'X' }, { conversation: 'hi' })],
      }),
    ).not.toThrow();
    await settle();
    expect(rec.of('inbound')).toHaveLength(0);
    await engine.stop();
  });
});
