import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { Boom } from '@hapi/boom';
import { DisconnectReason } from 'baileys';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { advance, harness, record, settle, startEngine } from './baileys/fake-socket.js';

const NOW = new Date('2030-01-01T00:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('baileys engine: linking and connection', () => {
  it('builds the socket with the DB auth state and WAPing settings, resolving before it connects', async () => {
    const { engine, sockets, last, texts } = await startEngine({
      wsUrl: 'ws://127.0.0.1:1/ws',
      browserName: 'Acme',
    });
    expect(sockets).toHaveLength(1);
    const config = last().config;
    expect(config.printQRInTerminal).toBe(false);
    expect(config.markOnlineOnConnect).toBe(false);
    expect(config.waWebSocketUrl).toBe('ws://127.0.0.1:1/ws');
    expect(config.browser?.slice(0, 2)).toEqual(['Acme', 'Chrome']);
    expect(config.auth.creds.registered).toBe(false);
    texts.set('3EB0ABC', 'Your code is 123456');
    expect(await config.getMessage!({ id: '3EB0ABC' })).toEqual(
      expect.objectContaining({ conversation: 'Your code is 123456' }),
    );
    expect(await config.getMessage!({ id: 'unknown' })).toBeUndefined();
    await engine.stop();
  });

  it('emits each QR with Baileys lifetimes (60 s, then 20 s) and connected on open', async () => {
    const { engine, last, rec } = await startEngine();
    last().qr('a');
    await advance(1_000);
    last().qr('b');
    expect(rec.of('qr')).toEqual([
      { qr: expect.stringContaining('a'), expiresAt: new Date(NOW.getTime() + 60_000) },
      { qr: expect.stringContaining('b'), expiresAt: new Date(NOW.getTime() + 1_000 + 20_000) },
    ]);
    last().emit('connection.update', { isNewLogin: true, qr: undefined });
    last().open({ id: '15551234567:12@s.whatsapp.net', name: 'Acme Support' });
    expect(rec.of('connected')).toEqual([
      { phone: '+15551234567', displayName: 'Acme Support', jid: '15551234567@s.whatsapp.net' },
    ]);
    await engine.stop();
  });

  it('saves creds on creds.update', async () => {
    const { engine, last, store } = await startEngine();
    last().config.auth.creds.me = { id: '15551234567:12@s.whatsapp.net' };
    last().emit('creds.update', { me: { id: '15551234567:12@s.whatsapp.net' } });
    await settle();
    expect(await store.read('creds', 'me')).toContain('15551234567:12@s.whatsapp.net');
    await engine.stop();
  });

  it('gives up with link_timeout after qrMaxAttempts QR codes without a scan, and never reconnects', async () => {
    const { engine, last, sockets, rec } = await startEngine({ qrMaxAttempts: 3 });
    last().qr('1');
    await advance(60_000);
    last().qr('2');
    await advance(20_000);
    last().qr('3');
    await advance(19_999);
    expect(rec.of('link_timeout')).toHaveLength(0);
    await advance(1);
    expect(rec.of('link_timeout')).toEqual([{ reason: 'not linked after 3 QR codes' }]);
    expect(last().end).toHaveBeenCalled();
    await advance(60 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(rec.of('disconnected')).toHaveLength(0);
    await engine.stop();
  });

  it('counts QR codes across sockets and stops when Baileys runs out of refs past the budget', async () => {
    const { engine, last, sockets, rec } = await startEngine({ qrMaxAttempts: 2 });
    last().qr('1');
    last().closeWith(DisconnectReason.connectionClosed, 'Connection Terminated');
    await advance(1_000);
    expect(sockets).toHaveLength(2);
    last().qr('2');
    last().closeWith(DisconnectReason.timedOut, 'QR refs attempts ended');
    await settle();
    expect(rec.of('link_timeout')).toHaveLength(1);
    await advance(60 * 60_000);
    expect(sockets).toHaveLength(2);
    await engine.stop();
  });

  it('a scan resets the QR budget; restartRequired (515) reconnects at once with the new creds', async () => {
    const { engine, last, sockets, rec } = await startEngine({ qrMaxAttempts: 1 });
    last().qr('1');
    last().emit('connection.update', { isNewLogin: true, qr: undefined });
    last().closeWith(DisconnectReason.restartRequired, 'Stream Errored (restart required)');
    await settle();
    expect(rec.of('disconnected')).toEqual([
      expect.objectContaining({ statusCode: 515, willReconnect: true, retryInMs: 0 }),
    ]);
    await advance(0);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.config.auth).toBe(sockets[0]!.config.auth);
    sockets[1]!.open();
    expect(rec.of('connected')).toHaveLength(1);
    expect(rec.of('link_timeout')).toHaveLength(0);
    await engine.stop();
  });
});

describe('baileys engine: reconnect policy on close', () => {
  it.each([DisconnectReason.loggedOut, DisconnectReason.forbidden])(
    '%i wipes the state, emits logged_out and does not retry',
    async (statusCode) => {
      const { engine, last, sockets, rec, store } = await startEngine();
      last().open();
      last().emit('creds.update', {});
      await settle();
      expect(store.data.size).toBeGreaterThan(0);
      last().closeWith(statusCode);
      await settle();
      expect(rec.of('disconnected')).toEqual([
        { reason: 'Connection Failure', statusCode, willReconnect: false },
      ]);
      expect(rec.of('logged_out')).toEqual([{ reason: 'Connection Failure' }]);
      expect(store.clears).toBe(1);
      expect(store.data.size).toBe(0);
      await advance(60 * 60_000);
      expect(sockets).toHaveLength(1);
      await engine.stop();
    },
  );

  it('440 (replaced by another client) backs off for minutes, not seconds', async () => {
    const { engine, last, sockets, rec } = await startEngine();
    last().open();
    last().closeWith(DisconnectReason.connectionReplaced, 'Stream Errored (conflict)');
    await settle();
    expect(rec.of('disconnected')).toEqual([
      expect.objectContaining({ statusCode: 440, willReconnect: true, retryInMs: 5 * 60_000 }),
    ]);
    await advance(5 * 60_000 - 1);
    expect(sockets).toHaveLength(1);
    await advance(1);
    expect(sockets).toHaveLength(2);
    await engine.stop();
  });

  it('500 (badSession) backs off and keeps the state', async () => {
    const { engine, last, sockets, rec, store } = await startEngine();
    last().open();
    last().emit('creds.update', {});
    last().closeWith(DisconnectReason.badSession, 'Stream Errored (unknown)');
    await advance(1_000);
    expect(rec.of('disconnected')).toEqual([
      expect.objectContaining({ statusCode: 500, willReconnect: true }),
    ]);
    expect(rec.of('logged_out')).toHaveLength(0);
    expect(store.clears).toBe(0);
    expect(sockets).toHaveLength(2);
    await engine.stop();
  });

  it('405 refreshes the WhatsApp Web version before the next socket', async () => {
    const fetchVersion = vi.fn(async () => ({
      version: [2, 3000, 999] as [number, number, number],
      isLatest: true,
    }));
    const { engine, last, sockets } = await startEngine({ fetchVersion });
    expect(last().config.version).toBeUndefined();
    last().closeWith(405);
    await advance(1_000);
    expect(fetchVersion).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(2);
    expect(last().config.version).toEqual([2, 3000, 999]);
    await engine.stop();
  });

  it('405 offline keeps the bundled version and still retries', async () => {
    const fetchVersion = vi.fn(async () => ({
      version: [2, 3000, 1] as [number, number, number],
      isLatest: false,
      error: new Error('fetch failed'),
    }));
    const { engine, last, sockets, rec } = await startEngine({ fetchVersion });
    last().closeWith(405);
    await advance(1_000);
    expect(rec.of('disconnected')).toEqual([
      expect.objectContaining({ statusCode: 405, willReconnect: true }),
    ]);
    expect(sockets).toHaveLength(2);
    expect(last().config.version).toBeUndefined();
    await engine.stop();
  });

  it('other closes back off exponentially, reset after a successful open', async () => {
    const { engine, last, rec } = await startEngine({
      backoff: { baseMs: 1_000, capMs: 8_000, random: () => 0.5 },
    });
    for (let i = 0; i < 5; i += 1) {
      last().closeWith(DisconnectReason.connectionClosed, 'Connection Terminated');
      await advance(10_000);
    }
    expect(rec.of('disconnected').map((d) => d.retryInMs)).toEqual([750, 1_500, 3_000, 6_000, 6_000]);
    last().open();
    last().closeWith(DisconnectReason.connectionLost, 'Connection was lost');
    await settle();
    expect(rec.of('disconnected').at(-1)).toEqual({
      reason: 'Connection was lost',
      statusCode: 408,
      willReconnect: true,
      retryInMs: 750,
    });
    await engine.stop();
  });

  it('stop() cancels a pending reconnect and ends the socket without logging out', async () => {
    const { engine, last, sockets, store } = await startEngine();
    last().open();
    const first = last();
    await engine.stop();
    expect(first.end).toHaveBeenCalledWith(undefined);
    expect(first.logout).not.toHaveBeenCalled();

    await engine.start();
    expect(sockets).toHaveLength(2);
    last().closeWith(DisconnectReason.connectionClosed);
    await settle();
    await engine.stop();
    await advance(60 * 60_000);
    expect(sockets).toHaveLength(2);
    expect(store.clears).toBe(0);
  });

  it('a socket that fails to build is retried with backoff, never treated as a logout', async () => {
    const h = harness({ backoff: { random: () => 0.5 } });
    let calls = 0;
    const engine = new BaileysEngine(h.ctx, {
      ...h.options,
      socketFactory: (config) => {
        calls += 1;
        if (calls === 2) throw new Boom('Mobile API is not supported anymore', { statusCode: 401 });
        return h.socketFactory(config);
      },
    });
    const rec = record(engine);
    await engine.start();
    h.last().closeWith(DisconnectReason.connectionClosed);
    await advance(750);
    expect(rec.of('disconnected')).toHaveLength(2);
    expect(rec.of('disconnected')[1]).toEqual(
      expect.objectContaining({ statusCode: undefined, willReconnect: true, retryInMs: 1_500 }),
    );
    expect(rec.of('logged_out')).toHaveLength(0);
    await advance(1_500);
    expect(calls).toBe(3);
    await engine.stop();
  });

  it('ignores events from a socket that is no longer current', async () => {
    const { engine, sockets, rec } = await startEngine();
    sockets[0]!.closeWith(DisconnectReason.connectionClosed);
    await advance(1_000);
    sockets[0]!.ended = false; // a late flush from the old socket
    sockets[0]!.qr('stale');
    sockets[0]!.open();
    expect(rec.of('qr')).toHaveLength(0);
    expect(rec.of('connected')).toHaveLength(0);
    await engine.stop();
  });

  it('never throws into Baileys when an engine listener fails', async () => {
    const { engine, last, rec } = await startEngine();
    engine.on('qr', () => {
      throw new Error('listener bug');
    });
    expect(() => last().qr()).not.toThrow();
    expect(rec.of('qr')).toHaveLength(1);
    await engine.stop();
  });
});
