/**
 * The engine contract (src/engines/engine.ts), run against both engines: the sandbox, and the
 * Baileys engine with an unmodified Baileys socket talking to the WhatsApp Web protocol test
 * server (test/wa-server) over wss, where a simulated phone links it and a simulated contact
 * decrypts what it sends, answers with receipts and writes back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWASocket } from 'baileys';
import pino from 'pino';
import type { Engine, EngineEventName, EngineEvents } from '../../src/engines/engine.js';
import { EngineSendError } from '../../src/engines/engine.js';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { MAGIC_NUMBERS } from '../../src/engines/sandbox/magic-numbers.js';
import { createSandbox, MemoryStateStore } from './sandbox-kit.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';

const LINE = '+15551234567';
const CUSTOMER = '+15550002222';

interface Driver {
  engine: Engine;
  store: { read(category: string, id: string): Promise<string | null> };
  /** Starts the engine and waits for its first QR. */
  startLinking(): Promise<EngineEvents['qr']>;
  /** Completes the link the way the phone would. */
  link(): Promise<void>;
  /** A second engine on the same stored state, as after a restart, driven to connected. */
  resume(): Promise<Engine>;
  /** Texts the customer's phone got from the line. */
  receivedBy(number: string): Promise<string[]>;
  /** The customer writes to the line. */
  customerWrites(from: string, text: string): Promise<void>;
  /** A number WhatsApp does not know. */
  notOnWhatsApp: string;
  cleanup(): Promise<void>;
}

function waitFor<K extends EngineEventName>(
  engine: Engine,
  event: K,
  match: (payload: EngineEvents[K]) => boolean = () => true,
): Promise<EngineEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 20_000);
    const listener = (payload: EngineEvents[K]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      engine.off(event, listener);
      resolve(payload);
    };
    engine.on(event, listener);
  });
}

let wa: WaServer;
let restoreRootKey: () => void;

beforeAll(async () => {
  wa = await startWaServer();
  restoreRootKey = wa.installRootKey();
  await wa.phone(LINE);
  await wa.contact(CUSTOMER, { receipts: { deliveredAfterMs: 0, readAfterMs: 30 } });
}, 90_000);
afterAll(async () => {
  restoreRootKey();
  await wa.close();
});

let deviceCount = 0;

const drivers: Record<string, () => Driver> = {
  sandbox: () => {
    const sandbox = createSandbox();
    const store = new MemoryStateStore();
    const deviceId = `dev_contract_${++deviceCount}`;
    const { engine } = sandbox.device(deviceId, store);
    return {
      engine,
      store,
      startLinking: async () => {
        const qr = waitFor(engine, 'qr');
        await engine.start();
        return qr;
      },
      link: () => sandbox.hub.scan(deviceId, LINE),
      resume: async () => {
        await engine.stop();
        const again = sandbox.device(deviceId, store).engine;
        const connected = waitFor(again, 'connected');
        await again.start();
        await connected;
        return again;
      },
      receivedBy: async (number) =>
        sandbox.hub
          .messages({ to: number })
          .reverse()
          .map((m) => m.text),
      customerWrites: async (from, text) => {
        sandbox.hub.inbound(deviceId, from, text);
      },
      notOnWhatsApp: MAGIC_NUMBERS.notOnWhatsApp,
      cleanup: () => sandbox.stopAll(),
    };
  },
  'baileys on the protocol server': () => {
    const store = new MemoryStateStore();
    const agent = wa.agent();
    const engines: BaileysEngine[] = [];
    let lastQr: string | undefined;
    const make = () => {
      const engine = new BaileysEngine(
        {
          deviceId: `dev_contract_${++deviceCount}`,
          log: pino({ level: 'silent' }),
          state: store,
          getMessageText: async () => undefined,
        },
        {
          wsUrl: wa.url,
          // The only thing added to Baileys' config: an agent that trusts the test CA.
          socketFactory: (config) => makeWASocket({ ...config, agent }),
          backoff: { baseMs: 50, random: () => 0.5 },
          fetchVersion: async () => {
            throw new Error('no network in tests');
          },
        },
      );
      engine.on('qr', ({ qr }) => (lastQr = qr));
      engines.push(engine);
      return engine;
    };
    const engine = make();
    return {
      engine,
      store,
      startLinking: async () => {
        const qr = waitFor(engine, 'qr');
        await engine.start();
        return qr;
      },
      link: async () => {
        const phone = await wa.phone(LINE);
        const qr = lastQr ?? (await waitFor(engine, 'qr')).qr;
        await phone.scanQr(qr);
      },
      resume: async () => {
        await engine.stop();
        const again = make();
        const connected = waitFor(again, 'connected');
        await again.start();
        await connected;
        return again;
      },
      receivedBy: async (number) => (await wa.contact(number)).texts(),
      customerWrites: async (from, text) => {
        await (await wa.contact(from)).send(text, { to: LINE });
      },
      notOnWhatsApp: '+15550009876',
      cleanup: async () => {
        for (const e of engines) await e.stop();
        agent.destroy();
      },
    };
  },
};

describe.each(Object.keys(drivers))('engine contract: %s', (kind) => {
  let driver: Driver;
  afterEach(async () => driver.cleanup());

  async function linked(): Promise<Driver> {
    driver = drivers[kind]!();
    const connected = waitFor(driver.engine, 'connected');
    await driver.startLinking();
    await driver.link();
    await connected;
    return driver;
  }

  it('shows a QR, links, and reports the phone in E.164', async () => {
    driver = drivers[kind]!();
    expect((await driver.startLinking()).qr.length).toBeGreaterThan(10);
    const connected = waitFor(driver.engine, 'connected');
    await driver.link();
    expect((await connected).phone).toBe(LINE);
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

  it('sends with the WhatsApp id it is given; the recipient gets the exact text, then delivered and read', async () => {
    const { engine, receivedBy } = await linked();
    const waMessageId = `3EB0${Date.now().toString(16).toUpperCase()}01`;
    const delivered = waitFor(
      engine,
      'message_status',
      (s) => s.waMessageId === waMessageId && s.status === 'delivered',
    );
    const read = waitFor(
      engine,
      'message_status',
      (s) => s.waMessageId === waMessageId && s.status === 'read',
    );
    const text = `hello ${waMessageId} – ünïcödé ✓`;
    const result = await engine.sendText({ to: CUSTOMER, text, waMessageId });
    expect(result).toEqual({ waMessageId, jid: `${CUSTOMER.slice(1)}@s.whatsapp.net` });
    await delivered;
    await read;
    expect(await receivedBy(CUSTOMER)).toContain(text);
  });

  it('answers whether a number is on WhatsApp', async () => {
    const { engine, notOnWhatsApp } = await linked();
    expect(await engine.lookup(CUSTOMER)).toEqual({
      onWhatsApp: true,
      jid: `${CUSTOMER.slice(1)}@s.whatsapp.net`,
    });
    expect(await engine.lookup(notOnWhatsApp)).toEqual({ onWhatsApp: false });
  });

  it("reports a customer's message as inbound, with the sender in E.164", async () => {
    const { engine, customerWrites } = await linked();
    const text = `question ${Date.now()}`;
    const inbound = waitFor(engine, 'inbound', (m) => m.text === text);
    await customerWrites(CUSTOMER, text);
    expect(await inbound).toMatchObject({ from: CUSTOMER, text });
  });

  it('keeps its session in the state store and resumes it without a new link', async () => {
    await linked();
    expect(await driver.store.read('creds', 'me')).not.toBeNull();
    const resumed = await driver.resume();
    expect(await driver.store.read('creds', 'me')).not.toBeNull();
    await resumed.logout();
    expect(await driver.store.read('creds', 'me')).toBeNull();
  });
});
