/**
 * The Baileys engine with an unmodified Baileys socket on the WhatsApp Web protocol test server:
 * the receipt and inbound paths where Baileys' event buffering decides what reaches the engine.
 * Receipts come from a simulated contact's phone at chosen delays; offline traffic is what the
 * server queued while the engine was stopped and delivers with offline="1" at the next login.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addTransactionCapability, makeWASocket } from 'baileys';
import type { SignalKeyStore } from 'baileys';
import pino from 'pino';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { withSharedAsyncStorage } from '../../src/engines/baileys/shared-async-storage.js';
import type { EngineEventName, EngineEvents } from '../../src/engines/engine.js';
import { MemoryStateStore } from './sandbox-kit.js';
import type { SimulatedContact } from '../wa-server/contact.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';

const LINE = '+15553330001';

let wa: WaServer;
let restoreRootKey: () => void;
let phone: SimulatedPhone;
let customer: SimulatedContact;
let lidCustomer: SimulatedContact;
const running: BaileysEngine[] = [];

beforeAll(async () => {
  wa = await startWaServer();
  restoreRootKey = wa.installRootKey();
  phone = await wa.phone(LINE, {
    history: [{ from: '+15553339999', text: 'an old chat the phone already had' }],
  });
  customer = await wa.contact('+15553330002');
  lidCustomer = await wa.contact('+15553330003', { lid: '900000000000003' });
}, 90_000);
afterEach(async () => {
  for (const engine of running.splice(0)) await engine.stop();
});
afterAll(async () => {
  restoreRootKey();
  await wa.close();
});

/** An engine on `store` whose events are all recorded. */
function engineOn(store: MemoryStateStore) {
  const agent = wa.agent();
  const engine = new BaileysEngine(
    {
      deviceId: 'dev_protocol',
      log: pino({ level: 'silent' }),
      state: store,
      getMessageText: async () => undefined,
    },
    {
      wsUrl: wa.url,
      socketFactory: (config) => makeWASocket({ ...config, agent }),
      backoff: { baseMs: 50, random: () => 0.5 },
      fetchVersion: async () => {
        throw new Error('no network in tests');
      },
    },
  );
  running.push(engine);
  const events: Array<{ [K in EngineEventName]: { event: K; payload: EngineEvents[K] } }[EngineEventName]> =
    [];
  const names: EngineEventName[] = [
    'qr',
    'connected',
    'disconnected',
    'logged_out',
    'message_status',
    'inbound',
  ];
  for (const event of names)
    engine.on(event, (payload) => events.push({ event, payload } as (typeof events)[number]));
  const of = <K extends EngineEventName>(event: K) =>
    events.filter((e) => e.event === event).map((e) => e.payload as EngineEvents[K]);
  return { engine, events, of };
}

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${what} within ${timeoutMs} ms\n${wa.log.tail(30)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A linked, connected engine (QR scanned by the phone), its store and its event log. */
async function linked() {
  const store = new MemoryStateStore();
  const made = engineOn(store);
  made.engine.on('qr', ({ qr }) => void phone.scanQr(qr));
  const online = phone.activations() + 1;
  await made.engine.start();
  await until(() => made.of('connected').length > 0, 'connected');
  await phone.waitForOnline(online);
  // Baileys counts the phone's first sync as done (creds.accountSyncCounter); until then a new
  // socket holds every event back for up to 20 s waiting for history that will not come again.
  await until(() => syncCount(store) >= 1, 'first sync done');
  return { store, ...made };
}

function syncCount(store: MemoryStateStore): number {
  const creds = store.entries.get('creds/me');
  return creds ? ((JSON.parse(creds) as { accountSyncCounter?: number }).accountSyncCounter ?? 0) : 0;
}

/** A second engine on the same stored session, as after a WAPing restart. */
async function resumed(store: MemoryStateStore) {
  const made = engineOn(store);
  const online = phone.activations() + 1;
  await made.engine.start();
  await until(() => made.of('connected').length > 0, 'connected again');
  await phone.waitForOnline(online);
  expect(made.of('qr')).toEqual([]);
  return made;
}

type Made = ReturnType<typeof engineOn>;

/** Sends one message per receipt delay and returns the ids. */
async function sendWithReceipts(made: Made, delays: number[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, delay] of delays.entries()) {
    customer.setReceipts({ deliveredAfterMs: delay, readAfterMs: delay + 30 });
    const waMessageId = `3EB0${Date.now().toString(16).toUpperCase()}${i}`;
    await made.engine.sendText({ to: customer.number, text: `receipt test ${waMessageId}`, waMessageId });
    await customer.until(
      () => customer.receiptsSent(waMessageId) >= 2,
      10_000,
      `receipts for ${waMessageId}`,
    );
    ids.push(waMessageId);
  }
  return ids;
}

/** The distinct statuses reported for `id`, in the order they were first reported. */
function statusesOf(made: Made, id: string): string[] {
  const reported = made
    .of('message_status')
    .filter((s) => s.waMessageId === id)
    .map((s) => s.status);
  return [...new Set(reported)];
}

async function expectDeliveredAndRead(made: Made, ids: string[]): Promise<void> {
  for (const id of ids) {
    await until(() => statusesOf(made, id).includes('read'), `read for ${id}`).catch(() => undefined);
    expect({ id, statuses: statusesOf(made, id) }).toEqual({ id, statuses: ['delivered', 'read'] });
  }
}

describe('baileys engine on the protocol server: receipts', { timeout: 90_000 }, () => {
  it('right after linking, receipts within 10–50 ms of the send give delivered and read', async () => {
    const made = await linked();
    const ids = await sendWithReceipts(made, [10, 20, 30, 50]);
    await expectDeliveredAndRead(made, ids);
  });

  it('after a restart on the stored session, fast receipts give delivered and read', async () => {
    const first = await linked();
    await first.engine.stop();
    const again = await resumed(first.store);
    const ids = await sendWithReceipts(again, [10, 30, 50]);
    await expectDeliveredAndRead(again, ids);
  });

  it('slow receipts (hundreds of ms) give delivered and read', async () => {
    const made = await linked();
    const ids = await sendWithReceipts(made, [300, 600]);
    await expectDeliveredAndRead(made, ids);
  });

  it('receipts that came while the engine was stopped are reported after it resumes, delivered before read', async () => {
    const first = await linked();
    customer.setReceipts({ deliveredAfterMs: 300, readAfterMs: 400 });
    const waMessageId = `3EB0${Date.now().toString(16).toUpperCase()}F`;
    await first.engine.sendText({ to: customer.number, text: 'read while away', waMessageId });
    await customer.waitForText('read while away');
    await first.engine.stop();
    await customer.until(() => customer.receiptsSent(waMessageId) >= 2, 10_000, 'both receipts');
    const again = await resumed(first.store);
    await until(() => statusesOf(again, waMessageId).includes('read'), 'read after resume');
    // Baileys may merge the two while it buffers the login's offline stanzas; read implies delivered.
    expect(statusesOf(again, waMessageId)).toEqual(['delivered', 'read']);
  });
});

describe('baileys engine on the protocol server: customer messages', { timeout: 90_000 }, () => {
  it('messages sent while the engine was stopped (offline="1" at the next login) are inbound', async () => {
    const first = await linked();
    await first.engine.stop();
    await customer.send('sent while you were offline', { to: LINE });
    await lidCustomer.send('STOP', { to: LINE, viaLid: true });
    const again = await resumed(first.store);
    const texts = () => again.of('inbound').map((m) => `${m.from} ${m.text}`);
    await until(() => texts().length >= 2, 'both offline messages inbound').catch(() => undefined);
    expect(texts().sort()).toEqual([
      `${customer.number} sent while you were offline`,
      `${lidCustomer.number} STOP`,
    ]);
    expect(
      wa.log.find((e) => e.kind === 'out' && e.node?.tag === 'message' && e.node.attrs.offline === '1')
        .length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('a message held for the next login while connected is inbound once, after the reconnect', async () => {
    const made = await linked();
    await customer.send('held for the reconnect', { to: LINE, offline: true });
    phone.dropConnections();
    await phone.waitForOnline();
    await until(
      () => made.of('inbound').some((m) => m.text === 'held for the reconnect'),
      'held message',
    ).catch(() => undefined);
    expect(made.of('inbound').filter((m) => m.text === 'held for the reconnect')).toHaveLength(1);
  });

  it('neither the history the phone hands over at link time nor our own sends are inbound', async () => {
    const mark = wa.log.length;
    const made = await linked();
    // The phone's bootstrap history (with an old customer message) was processed: Baileys acked it.
    await wa.log.waitFor(
      (e) => e.kind === 'in' && e.node?.tag === 'receipt' && e.node.attrs.type === 'hist_sync',
      20_000,
      mark,
    );
    await made.engine.sendText({
      to: customer.number,
      text: 'our own words',
      waMessageId: '3EB0OWN000000001',
    });
    await customer.waitForText('our own words');
    await customer.send('a live reply', { to: LINE });
    await until(() => made.of('inbound').some((m) => m.text === 'a live reply'), 'live reply');
    expect(made.of('inbound').map((m) => m.text)).toEqual(['a live reply']);
  });
});

/**
 * AsyncLocalStorage instances that write their store onto every new async resource: on Node 20
 * each enabled instance adds one `kResourceStore` property to each timer and promise made anywhere
 * in the process.
 */
function storagesOnEveryResource(): number {
  const timer = setTimeout(() => undefined, 1000);
  clearTimeout(timer);
  return Object.getOwnPropertySymbols(timer).filter((s) => s.description === 'kResourceStore').length;
}

describe('baileys engine on the protocol server: many sockets', { timeout: 90_000 }, () => {
  it('sockets that ran key-store transactions add no storage to every async resource', async () => {
    const before = storagesOnEveryResource();
    // A link (two sockets around the 515 restart), a send, then a third socket on the stored session.
    const first = await linked();
    await sendWithReceipts(first, [10]);
    await first.engine.stop();
    const again = await resumed(first.store);
    await sendWithReceipts(again, [10]);
    await again.engine.stop();
    // At most the one shared storage, however many sockets (and lines) the process has run.
    expect(storagesOnEveryResource()).toBeLessThanOrEqual(Math.max(before, 1));
  });

  it("one line's key-store transaction is not seen by another's running inside it", async () => {
    const a = new Map<string, unknown>();
    const b = new Map<string, unknown>();
    const storeOf = (data: Map<string, unknown>): SignalKeyStore => ({
      // Typed per key type by Baileys; this store keeps whatever it is given.
      get: async (type, ids) =>
        Object.fromEntries(ids.map((id) => [id, data.get(`${type}/${id}`) ?? null])) as never,
      set: async (set) => {
        for (const [type, values] of Object.entries(set))
          for (const [id, value] of Object.entries(values ?? {})) data.set(`${type}/${id}`, value);
      },
    });
    const opts = { maxCommitRetries: 1, delayBetweenTriesMs: 0 };
    const log = pino({ level: 'silent' });
    const keysA = withSharedAsyncStorage(() => addTransactionCapability(storeOf(a), log, opts));
    const keysB = withSharedAsyncStorage(() => addTransactionCapability(storeOf(b), log, opts));
    const tokenA = { token: Buffer.from('a'), timestamp: '1' };
    const tokenB = { token: Buffer.from('b'), timestamp: '2' };
    await keysA.transaction(async () => {
      await keysA.set({ tctoken: { x: tokenA } });
      expect(keysA.isInTransaction()).toBe(true);
      expect(keysB.isInTransaction()).toBe(false);
      await keysB.transaction(async () => {
        await keysB.set({ tctoken: { x: tokenB } });
        expect((await keysB.get('tctoken', ['x'])).x).toEqual(tokenB);
      }, 'b');
      // B committed its own write to its own store; A's is still only in A's transaction.
      expect(b.get('tctoken/x')).toEqual(tokenB);
      expect(a.has('tctoken/x')).toBe(false);
      expect((await keysA.get('tctoken', ['x'])).x).toEqual(tokenA);
    }, 'a');
    expect(a.get('tctoken/x')).toEqual(tokenA);
  });
});
