/**
 * Engine faults seen on the wire, with an unmodified Baileys socket on the WhatsApp Web protocol
 * test server: a server answering every login with 515, a server refusing an outdated WhatsApp
 * Web version (405), and the presence a paced send leaves behind.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION_CONFIG, makeWASocket } from 'baileys';
import type { WAVersion } from 'baileys';
import pino from 'pino';
import { BaileysEngine, type BaileysEngineOptions } from '../../src/engines/baileys/engine.js';
import { backoffSchedule, DEFAULT_BACKOFF } from '../../src/engines/baileys/reconnect-policy.js';
import { formatVersion, WA_VERSION_KEY } from '../../src/engines/baileys/wa-version.js';
import type { EngineEventName, EngineEvents } from '../../src/engines/engine.js';
import { MemoryStateStore } from './sandbox-kit.js';
import { MemorySharedStore } from './baileys/memory-shared-store.js';
import type { SimulatedContact } from '../wa-server/contact.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';

const LINE = '+15554440001';

let wa: WaServer;
let restoreRootKey: () => void;
let phone: SimulatedPhone;
let customer: SimulatedContact;
const running: BaileysEngine[] = [];

beforeAll(async () => {
  wa = await startWaServer();
  restoreRootKey = wa.installRootKey();
  phone = await wa.phone(LINE);
  customer = await wa.contact('+15554440002');
}, 90_000);
afterEach(async () => {
  wa.faults.clear();
  for (const engine of running.splice(0)) await engine.stop();
});
afterAll(async () => {
  restoreRootKey();
  await wa.close();
});

function engineOn(
  store: MemoryStateStore,
  shared: MemorySharedStore,
  options: Partial<BaileysEngineOptions> = {},
) {
  const agent = wa.agent();
  const engine = new BaileysEngine(
    {
      deviceId: 'dev_protocol_faults',
      log: pino({ level: 'silent' }),
      state: store,
      shared,
      getMessageText: async () => undefined,
    },
    {
      wsUrl: wa.url,
      socketFactory: (config) => makeWASocket({ ...config, agent }),
      fetchVersion: async () => {
        throw new Error('no network in tests');
      },
      ...options,
    },
  );
  running.push(engine);
  const events: Array<{ event: EngineEventName; payload: unknown }> = [];
  for (const event of ['qr', 'connected', 'disconnected'] as const) {
    engine.on(event, (payload) => events.push({ event, payload }));
  }
  const of = <K extends EngineEventName>(event: K) =>
    events.filter((e) => e.event === event).map((e) => e.payload as EngineEvents[K]);
  return { engine, of };
}

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${what} within ${timeoutMs} ms\n${wa.log.tail(30)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Links a new engine by QR and waits until it is connected and synced. */
async function linked(options: Partial<BaileysEngineOptions> = {}, shared = new MemorySharedStore()) {
  const store = new MemoryStateStore();
  const made = engineOn(store, shared, options);
  made.engine.on('qr', ({ qr }) => void phone.scanQr(qr));
  const online = phone.activations() + 1;
  await made.engine.start();
  await until(() => made.of('connected').length > 0, 'connected');
  await phone.waitForOnline(online);
  await phone.waitForFirstSync();
  return { store, shared, ...made };
}

describe('baileys engine on the protocol server: faults', { timeout: 90_000 }, () => {
  it('a server answering every login with 515: one immediate restart, then the backoff schedule', async () => {
    const backoff = { ...DEFAULT_BACKOFF, baseMs: 100, capMs: 10_000 };
    const made = await linked({
      backoff: { baseMs: backoff.baseMs, capMs: backoff.capMs, random: () => 0.5 },
    });
    const before = made.of('disconnected').length;
    const logins = wa.logins(LINE).length;
    wa.faults.onLogin({ kind: 'stream-error', code: 515 });
    expect(phone.streamError(515)).toBe(1);
    await until(() => made.of('disconnected').length >= before + 5, 'five 515s');
    const schedule = made
      .of('disconnected')
      .slice(before, before + 5)
      .map((d) => [d.statusCode, d.retryInMs]);
    // The 515 on the open connection restarts at once; each 515 at login then waits its turn:
    // equal jitter pinned at the middle, so 3/4 of each growing ceiling.
    const waits = backoffSchedule(4, backoff).map((ceiling) => Math.floor(ceiling * 0.75));
    expect(schedule).toEqual([[515, 0], ...waits.map((wait) => [515, wait])]);
    // The server saw no more logins than the engine reported restarts.
    expect(wa.logins(LINE).slice(logins, logins + 4)).toEqual(Array(4).fill('stream error 515 (fault)'));
    wa.faults.clear();
    await until(() => made.of('connected').length >= 2, 'connected again once 515s stop');
  });

  it('405 for an outdated WhatsApp Web version: the engine finds a newer one, connects, and keeps it', async () => {
    const bundled = formatVersion(DEFAULT_CONNECTION_CONFIG.version);
    const [major, minor, build] = DEFAULT_CONNECTION_CONFIG.version;
    const newer: WAVersion = [major, minor, build + 1];
    const lookups: string[] = [];
    const fetchVersion = async () => {
      lookups.push('lookup');
      return { version: newer, isLatest: true };
    };
    const first = await linked({ fetchVersion, backoff: { baseMs: 100, random: () => 0.5 } });
    // WhatsApp moves on: the version this device announces is now too old.
    wa.faults.minimumVersion = newer;
    phone.dropConnections();
    await until(() => first.of('connected').length >= 2, 'connected with the newer version');
    const versions = wa.loginVersions(LINE);
    expect(wa.logins(LINE).slice(-2)).toEqual(['failure 405 (version)', 'success']);
    expect(versions.slice(-2)).toEqual([bundled, formatVersion(newer)]);
    expect(lookups).toEqual(['lookup']);
    expect(first.shared.data.get(WA_VERSION_KEY)).toBe(formatVersion(newer));

    // A restart (a new engine on the same stores) starts with the version that worked: no 405.
    await first.engine.stop();
    const again = engineOn(first.store, first.shared, { fetchVersion });
    await again.engine.start();
    await until(() => again.of('connected').length > 0, 'resumed');
    expect(wa.logins(LINE).at(-1)).toBe('success');
    expect(wa.loginVersions(LINE).at(-1)).toBe(formatVersion(newer));
    expect(lookups).toEqual(['lookup']);
  });

  it('typing before a send ends with the account unavailable again', async () => {
    const made = await linked();
    const from = wa.presence(LINE).length;
    await made.engine.showTyping?.(`${customer.number.slice(1)}@s.whatsapp.net`, 200);
    await made.engine.sendText({ to: customer.number, text: 'after typing', waMessageId: '3EB0TYPING0001' });
    await customer.waitForText('after typing');
    const sent = wa.presence(LINE).slice(from);
    const chatStates = sent.filter((p) => p.to).map((p) => p.type);
    const presences = sent.filter((p) => !p.to && p.type !== 'none').map((p) => p.type);
    expect(chatStates).toEqual(['composing', 'paused']);
    expect(presences).toEqual(['available', 'unavailable']);
  });
});
