import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { SandboxError } from '../../src/engines/sandbox/hub.js';
import { createSandbox, MemoryStateStore } from './sandbox-kit.js';

const PHONE = '+4915112345678';
const CUSTOMER = '+14155550123';

let sandbox = createSandbox();
afterEach(async () => {
  await sandbox.stopAll();
});

function fresh(options: Parameters<typeof createSandbox>[0] = {}): ReturnType<typeof createSandbox> {
  sandbox = createSandbox(options);
  return sandbox;
}

describe('sandbox engine: linking', () => {
  it('shows a QR at once and a new one every refresh', async () => {
    const { device } = fresh();
    const { engine, events } = device('dev-qr');
    await engine.start();
    expect(events.of('qr')).toHaveLength(1);
    const second = await events.waitFor('qr', { count: 2 });
    const [first] = events.of('qr');
    expect(first?.qr).toMatch(/^waping-sandbox:dev-qr:\S+$/);
    expect(second.qr).not.toBe(first?.qr);
    expect(second.expiresAt.getTime()).toBeGreaterThan(Date.now() - 1_000);
    expect(engine.linkState).toBe('waiting_for_scan');
  });

  it('gives up with link_timeout after the last QR and leaves the hub', async () => {
    const { hub, device } = fresh({ qrMaxAttempts: 3 });
    const { engine, events } = device('dev-timeout');
    await engine.start();
    const timeout = await events.waitFor('link_timeout');
    expect(timeout.reason).toMatch(/3 QR/);
    expect(events.names()).toEqual(['qr', 'qr', 'qr', 'link_timeout']);
    expect(hub.engine('dev-timeout')).toBeUndefined();
    await expect(hub.scan('dev-timeout', PHONE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('links on scan, stores the phone and refuses a second scan', async () => {
    const { hub, device } = fresh();
    const { engine, state, events } = device('dev-scan');
    await engine.start();
    await hub.scan('dev-scan', PHONE);
    expect(await events.waitFor('connected')).toEqual({
      phone: PHONE,
      displayName: 'Sandbox phone',
      jid: '4915112345678@s.whatsapp.net',
    });
    expect(JSON.parse((await state.read('creds', 'me')) ?? 'null')).toEqual({ phone: PHONE });
    await expect(hub.scan('dev-scan', PHONE)).rejects.toBeInstanceOf(SandboxError);
    await expect(hub.scan('dev-scan', PHONE)).rejects.toMatchObject({ code: 'NOT_WAITING_FOR_SCAN' });
    await expect(hub.scan('nobody', PHONE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('resumes a stored session after start resolves, without a QR', async () => {
    const { device, linkedDevice } = fresh();
    const first = await linkedDevice('dev-resume', PHONE);
    await first.engine.stop();
    const again = device('dev-resume', first.state);
    await again.engine.start();
    expect(again.events.names()).toEqual([]);
    expect((await again.events.waitFor('connected')).phone).toBe(PHONE);
    expect(again.events.of('qr')).toHaveLength(0);
  });

  it('links by pairing code when started with a pairing phone', async () => {
    const { hub, device } = fresh();
    const { engine, events } = device('dev-pair');
    await engine.start({ pairingPhone: PHONE });
    expect(events.names()).toEqual(['pairing_code']);
    expect(events.of('pairing_code')[0]?.code).toMatch(/^[A-Z0-9]{8}$/);
    await hub.scan('dev-pair', PHONE);
    expect((await events.waitFor('connected')).phone).toBe(PHONE);
    expect(events.of('qr')).toHaveLength(0);
  });

  it('switches from QR to a requested pairing code, and refuses one once linked', async () => {
    const { hub, device } = fresh();
    const { engine, events } = device('dev-code');
    await engine.start();
    const code = await engine.requestPairingCode(PHONE);
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(events.of('pairing_code')).toEqual([{ code }]);
    await hub.scan('dev-code', PHONE);
    await events.waitFor('connected');
    await expect(engine.requestPairingCode(PHONE)).rejects.toMatchObject({ code: 'NOT_WAITING_FOR_SCAN' });
  });
});

describe('sandbox engine: connection', () => {
  it('stays down after a disconnect without reconnectAfterMs, until restarted', async () => {
    const { hub, device, linkedDevice } = fresh();
    const { engine, state, events } = await linkedDevice('dev-down', PHONE);
    hub.disconnect('dev-down');
    expect(events.of('disconnected')).toEqual([{ reason: 'phone offline', willReconnect: false }]);
    expect(engine.linkState).toBe('disconnected');
    await expect(engine.sendText({ to: CUSTOMER, text: 'hi', waMessageId: 'W1' })).rejects.toMatchObject({
      code: 'SESSION_DISCONNECTED',
    });
    expect(() => hub.disconnect('dev-down')).toThrow(expect.objectContaining({ code: 'NOT_CONNECTED' }));
    expect(() => hub.inbound('dev-down', CUSTOMER, 'hello')).toThrow(
      expect.objectContaining({ code: 'NOT_CONNECTED' }),
    );
    await engine.stop();
    const restarted = device('dev-down', state);
    await restarted.engine.start();
    expect((await restarted.events.waitFor('connected')).phone).toBe(PHONE);
  });

  it('comes back by itself after a blip with reconnectAfterMs', async () => {
    const { hub, linkedDevice } = fresh();
    const { events } = await linkedDevice('dev-blip', PHONE);
    hub.disconnect('dev-blip', { reason: 'network', reconnectAfterMs: 30 });
    expect(events.of('disconnected')).toEqual([{ reason: 'network', willReconnect: true, retryInMs: 30 }]);
    await events.waitFor('connected', { count: 2 });
    expect(events.names()).toEqual(['qr', 'connected', 'disconnected', 'connected']);
  });

  it('logs out on unlink from the phone and wipes the stored session', async () => {
    const { hub, device, linkedDevice } = fresh();
    const { engine, state, events } = await linkedDevice('dev-unlink', PHONE);
    await hub.unlink('dev-unlink');
    expect(events.of('logged_out')).toEqual([{ reason: 'removed from phone' }]);
    expect(state.entries.size).toBe(0);
    expect(engine.linkState).toBe('stopped');
    expect(hub.engine('dev-unlink')).toBeUndefined();

    const waiting = device('dev-waiting');
    await waiting.engine.start();
    await expect(hub.unlink('dev-waiting')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('logout wipes the session silently and stop keeps it', async () => {
    const { hub, linkedDevice } = fresh();
    const kept = await linkedDevice('dev-stop', PHONE);
    await kept.engine.stop();
    expect(kept.state.entries.size).toBe(1);
    const wiped = await linkedDevice('dev-logout', PHONE);
    await wiped.engine.logout();
    expect(wiped.state.entries.size).toBe(0);
    expect(wiped.events.names()).toEqual(['qr', 'connected']);
    expect(hub.engine('dev-logout')).toBeUndefined();
  });

  it('keeps emitting to other listeners when one throws, and logs the failure', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const { device } = fresh();
    const { engine, events } = device('dev-listener', new MemoryStateStore(), log);
    engine.on('qr', () => {
      throw new Error('listener bug');
    });
    engine.on('qr', async () => {
      throw new Error('async listener bug');
    });
    await engine.start();
    await events.waitFor('qr', { count: 2 });
    expect(lines.some((line) => line.includes('listener bug'))).toBe(true);
    expect(lines.some((line) => line.includes('async listener bug'))).toBe(true);
  });
});
