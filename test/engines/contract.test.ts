/**
 * The engine contract (src/engines/engine.ts), run against both engines: the sandbox, and the
 * Baileys adapter on its stand-in socket (no WhatsApp server is reachable here).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine, EngineEventName, EngineEvents } from '../../src/engines/engine.js';
import { EngineSendError } from '../../src/engines/engine.js';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { createSandbox, MemoryStateStore } from './sandbox-kit.js';
import { harness } from './baileys/fake-socket.js';

interface Driver {
  engine: Engine;
  store: { read(category: string, id: string): Promise<string | null> };
  /** Starts the engine and waits for its first QR. */
  startLinking(): Promise<EngineEvents['qr']>;
  /** Completes the link the way the phone would. */
  link(): Promise<void>;
  /** A second engine on the same stored state, as after a restart, driven to connected. */
  resume(): Promise<Engine>;
  cleanup(): Promise<void>;
}

function waitFor<K extends EngineEventName>(engine: Engine, event: K): Promise<EngineEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 5000);
    engine.on(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

const drivers: Record<string, () => Driver> = {
  sandbox: () => {
    const sandbox = createSandbox();
    const store = new MemoryStateStore();
    const { engine } = sandbox.device('dev_contract', store);
    return {
      engine,
      store,
      startLinking: async () => {
        const qr = waitFor(engine, 'qr');
        await engine.start();
        return qr;
      },
      link: () => sandbox.hub.scan('dev_contract', '+15551234567'),
      resume: async () => {
        await engine.stop();
        const again = sandbox.device('dev_contract', store).engine;
        const connected = waitFor(again, 'connected');
        await again.start();
        await connected;
        return again;
      },
      cleanup: () => sandbox.stopAll(),
    };
  },
  baileys: () => {
    const h = harness();
    const engine = new BaileysEngine(h.ctx, h.options);
    const engines = [engine];
    return {
      engine,
      store: h.store,
      startLinking: async () => {
        const qr = waitFor(engine, 'qr');
        await engine.start();
        h.last().qr();
        return qr;
      },
      // What Baileys does when the phone scans: new credentials, then an open connection.
      link: async () => {
        h.last().emit('creds.update', {
          me: { id: '15551234567:12@s.whatsapp.net', name: 'Acme' },
          registered: true,
        });
        h.last().open();
      },
      resume: async () => {
        await engine.stop();
        const again = new BaileysEngine(h.ctx, h.options);
        engines.push(again);
        const connected = waitFor(again, 'connected');
        await again.start();
        h.last().open();
        await connected;
        return again;
      },
      cleanup: async () => {
        for (const e of engines) await e.stop();
      },
    };
  },
};

describe.each(Object.keys(drivers))('engine contract: %s', (kind) => {
  let driver: Driver;
  afterEach(async () => driver.cleanup());

  it('shows a QR, links, and reports the phone in E.164', async () => {
    driver = drivers[kind]!();
    expect((await driver.startLinking()).qr.length).toBeGreaterThan(10);
    const connected = waitFor(driver.engine, 'connected');
    await driver.link();
    expect((await connected).phone).toBe('+15551234567');
  });

  it('refuses sends and lookups while not connected', async () => {
    driver = drivers[kind]!();
    await driver.engine.start();
    const send = driver.engine.sendText({ to: '+15550001111', text: 'x', waMessageId: '3EB0AAAA' });
    await expect(send).rejects.toBeInstanceOf(EngineSendError);
    await expect(send).rejects.toMatchObject({ code: 'SESSION_DISCONNECTED' });
    await expect(driver.engine.lookup('+15550001111')).rejects.toMatchObject({
      code: 'SESSION_DISCONNECTED',
    });
  });

  it('sends with the WhatsApp id it is given', async () => {
    driver = drivers[kind]!();
    await driver.engine.start();
    const connected = waitFor(driver.engine, 'connected');
    await driver.link();
    await connected;
    const result = await driver.engine.sendText({
      to: '+15550002222',
      text: 'hello',
      waMessageId: '3EB0DERIVED01',
    });
    expect(result).toEqual({ waMessageId: '3EB0DERIVED01', jid: '15550002222@s.whatsapp.net' });
  });

  it('keeps its session in the state store and resumes it without a new link', async () => {
    driver = drivers[kind]!();
    await driver.engine.start();
    const connected = waitFor(driver.engine, 'connected');
    await driver.link();
    await connected;
    expect(await driver.store.read('creds', 'me')).not.toBeNull();
    const resumed = await driver.resume();
    expect(await driver.store.read('creds', 'me')).not.toBeNull();
    await resumed.logout();
    expect(await driver.store.read('creds', 'me')).toBeNull();
  });
});
