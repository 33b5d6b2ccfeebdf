import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { Boom } from '@hapi/boom';
import { DisconnectReason } from 'baileys';
import { EngineSendError } from '../../src/engines/engine.js';
import { advance, harness, record, settle, startEngine } from './baileys/fake-socket.js';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('baileys engine: logout and pairing', () => {
  it('logout() asks the phone to unlink, wipes state and does not reconnect', async () => {
    const { engine, last, sockets, store, rec } = await startEngine();
    last().open();
    last().emit('creds.update', {});
    await settle();
    await engine.logout();
    expect(last().logout).toHaveBeenCalled();
    expect(store.clears).toBe(1);
    expect(store.data.size).toBe(0);
    await advance(60 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(rec.of('disconnected')).toHaveLength(0);
  });

  it('start({pairingPhone}) requests a code once the socket is ready and shows no QR', async () => {
    const h = harness({ backoff: { random: () => 0.5 } });
    const engine = new BaileysEngine(h.ctx, h.options);
    const rec = record(engine);
    await engine.start({ pairingPhone: '+1 (555) 123-4567' });
    expect(h.last().requestPairingCode).not.toHaveBeenCalled();
    h.last().emit('connection.update', { connection: 'connecting', qr: undefined });
    h.last().qr();
    await settle();
    expect(h.last().requestPairingCode).toHaveBeenCalledWith('15551234567');
    expect(rec.of('pairing_code')).toEqual([{ code: 'ABCD1234' }]);
    expect(rec.of('qr')).toHaveLength(0);
    await engine.stop();
  });

  it('requestPairingCode() waits for the handshake, then returns and emits the code', async () => {
    const { engine, last, rec } = await startEngine();
    const code = engine.requestPairingCode('+15551234567');
    await settle();
    expect(last().requestPairingCode).not.toHaveBeenCalled();
    last().qr();
    await expect(code).resolves.toBe('ABCD1234');
    expect(last().requestPairingCode).toHaveBeenCalledTimes(1);
    expect(rec.of('pairing_code')).toEqual([{ code: 'ABCD1234' }]);
    await engine.stop();
  });

  it('switches a device already showing QR codes to a pairing code right away', async () => {
    const { engine, last, rec } = await startEngine();
    last().qr();
    await engine.start({ pairingPhone: '+15551234567' });
    await settle();
    expect(last().requestPairingCode).toHaveBeenCalledWith('15551234567');
    expect(rec.of('pairing_code')).toHaveLength(1);
    last().qr('next');
    expect(rec.of('qr')).toHaveLength(1);
    await engine.stop();
  });

  it('a pairing request on a socket that resumes a linked session fails instead of hanging', async () => {
    const { engine, last } = await startEngine();
    const code = engine.requestPairingCode('+15551234567');
    last().open();
    await expect(code).rejects.toThrow(/already linked/);
    expect(last().requestPairingCode).not.toHaveBeenCalled();
    await engine.stop();
  });

  it('an unfinished pairing attempt does not make the next socket log in as a phantom device', async () => {
    const { engine, last, sockets } = await startEngine();
    last().config.auth.creds.me = { id: '15551234567@s.whatsapp.net', name: '~' };
    last().closeWith(DisconnectReason.connectionClosed);
    await advance(1_000);
    expect(sockets).toHaveLength(2);
    expect(last().config.auth.creds.me).toBeUndefined();
    await engine.stop();
  });

  it('refuses a pairing code for a linked device', async () => {
    const { engine, last } = await startEngine();
    last().open();
    await expect(engine.requestPairingCode('+15551234567')).rejects.toThrow(/already linked/);
    await engine.stop();
  });
});

describe('baileys engine: sending and lookups', () => {
  it('sendText while not connected fails with SESSION_DISCONNECTED', async () => {
    const { engine } = await startEngine();
    const err = await engine
      .sendText({ to: '+15551234567', text: 'hi', waMessageId: '3EB0X' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineSendError);
    expect((err as EngineSendError).code).toBe('SESSION_DISCONNECTED');
    await engine.stop();
  });

  it('sendText hands the text over with our message id and no link-preview fetching', async () => {
    const { engine, last } = await startEngine();
    last().open();
    const result = await engine.sendText({ to: '+15557654321', text: 'Code 123456', waMessageId: '3EB0ABC' });
    expect(result).toEqual({ waMessageId: '3EB0ABC', jid: '15557654321@s.whatsapp.net' });
    expect(last().sendMessage).toHaveBeenCalledWith(
      '15557654321@s.whatsapp.net',
      { text: 'Code 123456', linkPreview: null },
      { messageId: '3EB0ABC' },
    );
    await engine.stop();
  });

  it('a failing send is SEND_FAILED; one cut by a disconnect is SESSION_DISCONNECTED', async () => {
    const { engine, last } = await startEngine();
    last().open();
    last().sendMessage.mockRejectedValueOnce(new Error('not-acceptable'));
    await expect(engine.sendText({ to: '+15557654321', text: 'x', waMessageId: 'A' })).rejects.toMatchObject({
      code: 'SEND_FAILED',
    });
    const sock = last();
    sock.sendMessage.mockImplementationOnce(async () => {
      sock.closeWith(DisconnectReason.connectionClosed);
      throw new Boom('Connection Closed', { statusCode: 428 });
    });
    await expect(engine.sendText({ to: '+15557654321', text: 'x', waMessageId: 'B' })).rejects.toMatchObject({
      code: 'SESSION_DISCONNECTED',
    });
    await engine.stop();
  });

  it('lookup asks onWhatsApp and reports the canonical JID', async () => {
    const { engine, last } = await startEngine();
    await expect(engine.lookup('+15557654321')).rejects.toMatchObject({ code: 'SESSION_DISCONNECTED' });
    last().open();
    last().onWhatsApp.mockResolvedValueOnce([{ jid: '15557654321@s.whatsapp.net', exists: true }]);
    await expect(engine.lookup('+15557654321')).resolves.toEqual({
      onWhatsApp: true,
      jid: '15557654321@s.whatsapp.net',
    });
    expect(last().onWhatsApp).toHaveBeenCalledWith('15557654321@s.whatsapp.net');
    last().onWhatsApp.mockResolvedValueOnce([]);
    await expect(engine.lookup('+15550000000')).resolves.toEqual({ onWhatsApp: false });
    await engine.stop();
  });
});
