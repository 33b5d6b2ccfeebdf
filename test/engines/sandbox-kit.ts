/**
 * Test kit for the sandbox engine: an in-memory state store, an event recorder with a bounded
 * wait, and a hub with short delays. Every engine made here is stopped after each test, so a
 * failing test cannot leave timers behind.
 */
import pino, { type Logger } from 'pino';
import type { EngineEventName, EngineEvents, EngineStateStore } from '../../src/engines/engine.js';
import { SandboxEngine } from '../../src/engines/sandbox/engine.js';
import { SandboxHub, type SandboxHubOptions } from '../../src/engines/sandbox/hub.js';

export class MemoryStateStore implements EngineStateStore {
  readonly entries = new Map<string, string>();

  async read(category: string, id: string): Promise<string | null> {
    return this.entries.get(`${category}/${id}`) ?? null;
  }

  async readMany(category: string, ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of ids) {
      const value = this.entries.get(`${category}/${id}`);
      if (value !== undefined) found.set(id, value);
    }
    return found;
  }

  async list(category: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const [key, value] of this.entries) {
      if (key.startsWith(`${category}/`)) found.set(key.slice(category.length + 1), value);
    }
    return found;
  }

  async write(entries: Array<{ category: string; id: string; value: string | null }>): Promise<void> {
    for (const { category, id, value } of entries) {
      if (value === null) this.entries.delete(`${category}/${id}`);
      else this.entries.set(`${category}/${id}`, value);
    }
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}

// A Record, so the compiler flags an event added to EngineEvents but not recorded here.
const EVENT_NAMES = Object.keys({
  qr: true,
  pairing_code: true,
  connected: true,
  disconnected: true,
  logged_out: true,
  link_timeout: true,
  message_status: true,
  inbound: true,
} satisfies Record<EngineEventName, true>) as EngineEventName[];

type Recorded = { [K in EngineEventName]: { event: K; payload: EngineEvents[K] } }[EngineEventName];

export interface WaitOptions<K extends EngineEventName> {
  /** Resolve on the count-th matching event (default 1), counting those already seen. */
  count?: number;
  match?: (payload: EngineEvents[K]) => boolean;
  timeoutMs?: number;
}

/** Everything one engine emitted, in order. */
export class EventRecorder {
  readonly seen: Recorded[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(engine: SandboxEngine) {
    for (const event of EVENT_NAMES) {
      engine.on(event, (payload: EngineEvents[typeof event]) => {
        this.seen.push({ event, payload } as Recorded);
        for (const waiter of [...this.waiters]) waiter();
      });
    }
  }

  of<K extends EngineEventName>(event: K): Array<EngineEvents[K]> {
    return this.seen.filter((r) => r.event === event).map((r) => r.payload as EngineEvents[K]);
  }

  names(): EngineEventName[] {
    return this.seen.map((r) => r.event);
  }

  waitFor<K extends EngineEventName>(event: K, options: WaitOptions<K> = {}): Promise<EngineEvents[K]> {
    const { count = 1, match = () => true, timeoutMs = 2_000 } = options;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.of(event).filter(match)[count - 1];
        if (found === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(`Timed out waiting for ${event} #${count}; saw ${this.names().join(', ') || 'nothing'}`),
        );
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }
}

export const silentLog: Logger = pino({ level: 'silent' });

export interface TestDevice {
  engine: SandboxEngine;
  state: MemoryStateStore;
  events: EventRecorder;
}

export function createSandbox(options: Partial<SandboxHubOptions> = {}) {
  const hub = new SandboxHub({ deliveredMs: 20, readMs: 40, qrRefreshMs: 30, ...options });
  const made: SandboxEngine[] = [];

  function device(deviceId: string, state = new MemoryStateStore(), log: Logger = silentLog): TestDevice {
    const engine = new SandboxEngine({ deviceId, log, state, getMessageText: async () => undefined }, hub);
    made.push(engine);
    return { engine, state, events: new EventRecorder(engine) };
  }

  /** A device that is started, scanned by `phone` and connected. */
  async function linkedDevice(deviceId: string, phone: string): Promise<TestDevice> {
    const created = device(deviceId);
    await created.engine.start();
    await hub.scan(deviceId, phone);
    await created.events.waitFor('connected');
    return created;
  }

  async function stopAll(): Promise<void> {
    await Promise.all(made.map((engine) => engine.stop()));
  }

  return { hub, device, linkedDevice, stopAll };
}
