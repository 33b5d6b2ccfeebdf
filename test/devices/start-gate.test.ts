import { EventEmitter } from 'node:events';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app.js';
import { dbTime } from '../../src/cluster/leases.js';
import { deviceHooks } from '../../src/device-hooks.js';
import { NODE_REASONS } from '../../src/devices/status.js';
import { findDeviceById } from '../../src/devices/store.js';
import { DeviceSupervisor } from '../../src/devices/supervisor.js';
import type {
  Engine,
  EngineContext,
  EngineEventName,
  EngineEvents,
  EngineListener,
} from '../../src/engines/engine.js';
import { SandboxHub } from '../../src/engines/sandbox/hub.js';
import { eventually, testConfig } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeDevice } from '../helpers/factories.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/**
 * A WhatsApp login that takes as long as the test wants: started, it connects only when the test
 * calls `complete`. What the supervisor sees of a slow real login.
 */
class HeldEngine implements Engine {
  readonly kind = 'baileys' as const;
  private readonly events = new EventEmitter();
  state: 'new' | 'starting' | 'connected' | 'stopped' = 'new';

  constructor(
    readonly deviceId: string,
    private readonly onChange: (engine: HeldEngine) => void,
  ) {}

  async start(): Promise<void> {
    this.state = 'starting';
    this.onChange(this);
  }

  complete(): void {
    if (this.state !== 'starting') return;
    this.state = 'connected';
    this.onChange(this);
    this.emit('connected', { phone: '+15550001111', jid: '15550001111@s.whatsapp.net' });
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    this.onChange(this);
  }

  async logout(): Promise<void> {
    await this.stop();
  }

  async requestPairingCode(): Promise<string> {
    throw new Error('not used');
  }
  async sendText(): Promise<never> {
    throw new Error('not used');
  }
  async sendMedia(): Promise<never> {
    throw new Error('not used');
  }
  async lookup(): Promise<never> {
    throw new Error('not used');
  }

  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.events.on(event, listener);
  }
  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.events.off(event, listener);
  }
  private emit<K extends EngineEventName>(event: K, payload: EngineEvents[K]): void {
    this.events.emit(event, payload);
  }
}

const LIMIT = 3;
const RESUMED = 30;

describe('bringing devices up', () => {
  it('resumes devices a few at a time, leases taken in turn, and a connect does not queue', async () => {
    const config = testConfig(db, { WAPING_DEVICE_START_CONCURRENCY: String(LIMIT) });
    const { ctx, database } = await createContext(config, { logger: pino({ level: 'silent' }) });
    const workspace = await ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const resumed: string[] = [];
    for (let i = 0; i < RESUMED; i++) {
      const row = await makeDevice(ctx.db, {
        workspace_id: workspace.id,
        engine: 'baileys',
        // As a clean restart leaves them (the bench's 500 lines): each resumes, none asked by a person.
        status: 'disconnected',
        status_reason: NODE_REASONS.nodeShutdown,
        phone: '+15550001111',
      });
      resumed.push(row.id);
    }
    const fresh = await makeDevice(ctx.db, { workspace_id: workspace.id, engine: 'baileys' });

    // Engines of resumed devices between their start and their connection, and the most at once.
    const asked = new Set<string>([fresh.id]);
    const engines = new Map<string, HeldEngine>();
    const inFlight = new Set<HeldEngine>();
    let mostInFlight = 0;
    const onChange = (engine: HeldEngine) => {
      if (engine.state === 'starting' && !asked.has(engine.deviceId)) inFlight.add(engine);
      else inFlight.delete(engine);
      mostInFlight = Math.max(mostInFlight, inFlight.size);
    };
    const hub = new SandboxHub({ deliveredMs: 30, readMs: 60 });
    const supervisor = new DeviceSupervisor(ctx, hub, deviceHooks(ctx), {
      createEngine: async (_kind, engineCtx: EngineContext) => {
        const engine = new HeldEngine(engineCtx.deviceId, onChange);
        engines.set(engineCtx.deviceId, engine);
        return engine;
      },
    });
    const liveLeases = async () =>
      (
        await ctx.db
          .selectFrom('device_leases')
          .select('device_id')
          .where('expires_at', '>', dbTime(ctx.dialect))
          .execute()
      ).length;
    try {
      await supervisor.start();
      await eventually(() => inFlight.size >= LIMIT);
      // Nobody has connected yet: the other devices wait, and hold no lease meanwhile.
      expect(engines.size).toBe(LIMIT);
      expect(await liveLeases()).toBe(LIMIT);

      // A person links a new device, and reconnects one still waiting its turn: neither queues.
      await supervisor.connect(fresh);
      expect(engines.get(fresh.id)?.state).toBe('starting');
      const waiting = resumed.find((id) => !engines.has(id))!;
      asked.add(waiting);
      await supervisor.connect((await findDeviceById(ctx.db, waiting))!);
      expect(engines.get(waiting)?.state).toBe('starting');
      expect(engines.size).toBe(LIMIT + 2);
      engines.get(fresh.id)!.complete();
      engines.get(waiting)!.complete();

      // Logins complete one round after another until every device is connected.
      const connected = async () =>
        (await ctx.db.selectFrom('devices').select('id').where('status', '=', 'connected').execute()).length;
      await eventually(async () => {
        for (const engine of [...inFlight]) engine.complete();
        return (await connected()) === RESUMED + 1;
      }, 30_000);
      expect(mostInFlight).toBe(LIMIT);
      expect(engines.size).toBe(RESUMED + 1);
      expect([...engines.values()].every((e) => e.state === 'connected')).toBe(true);
      expect(resumed.every((id) => supervisor.isRunning(id))).toBe(true);
    } finally {
      await supervisor.stop();
      await ctx.bus.close();
      await database.destroy();
    }
  }, 60_000);
});
