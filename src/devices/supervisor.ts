import type { AppContext } from '../context.js';
import { acquireLease, releaseLease, renewLeases } from '../cluster/leases.js';
import type { Engine, EngineSharedStore } from '../engines/engine.js';
import type { SandboxHub } from '../engines/sandbox/hub.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import type { DeviceCommand } from './commands.js';
import { createEngine } from './engine-factory.js';
import type { DeviceDispatcher, DeviceHooks } from './hooks.js';
import { createEngineSharedStore } from './shared-state-store.js';
import { parsePacing, type Pacing } from './pacing.js';
import { RemoteQrCache, type ShownQr } from './remote-qr.js';
import { createEngineStateStore } from './state-store.js';
import { setDeviceStatus } from './status.js';
import { devicesToRun, findDeviceById } from './store.js';
import type { DeviceRow } from './tables.js';
import { deviceTopic, type DeviceStreamEvent } from './topics.js';

/** What a device running here is doing right now; its engine and dispatcher read it. */
interface LiveState {
  connected: boolean;
  pacing: Pacing;
  qr: ShownQr | null;
}

interface RunningDevice {
  id: string;
  workspaceId: string;
  engine: Engine;
  dispatcher: DeviceDispatcher;
  live: LiveState;
}

/**
 * Runs the engines of the devices this node holds leases for (docs/architecture.md, "Devices,
 * leases and takeover"): starts them, turns their events into device statuses and hands their
 * traffic to `hooks`, renews leases, and takes over devices whose holder stopped renewing. A
 * device never runs twice in one process.
 */
export class DeviceSupervisor {
  private readonly running = new Map<string, RunningDevice>();
  private readonly starting = new Map<string, Promise<void>>();
  private tickLoop: Loop | null = null;
  private stopped = false;
  private readonly ttlMs: number;
  private readonly remoteQr: RemoteQrCache;
  private readonly unsubscribeCommands: () => void;
  /** One for every engine here: what one device learns (the WhatsApp Web version) serves all. */
  private readonly sharedEngineState: EngineSharedStore;

  constructor(
    private readonly ctx: AppContext,
    readonly hub: SandboxHub,
    readonly hooks: DeviceHooks,
  ) {
    this.ttlMs = ctx.config.leaseTtlSeconds * 1000;
    this.sharedEngineState = createEngineSharedStore(ctx.db);
    this.remoteQr = new RemoteQrCache(ctx.bus, ctx.clock);
    this.unsubscribeCommands = ctx.bus.subscribe('device-commands', (command) => this.onCommand(command));
  }

  async start(): Promise<void> {
    await this.tick().catch((err: unknown) => this.ctx.log.error({ err }, 'supervisor tick failed'));
    this.tickLoop = startLoop({
      name: 'supervisor tick',
      log: this.ctx.log,
      intervalMs: Math.max(1000, this.ttlMs / 3),
      run: () => this.tick(),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.remoteQr.close();
    this.unsubscribeCommands();
    await this.tickLoop?.stop();
    await Promise.allSettled([...this.starting.values()]);
    await Promise.all([...this.running.keys()].map((id) => this.stopDevice(id, { release: true })));
  }

  /** Renews held leases, drops lost ones, and starts devices that should run and are free. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    const now = this.ctx.clock.now();
    const held = await renewLeases(this.ctx.db, [...this.running.keys()], this.ctx.nodeId, now, this.ttlMs);
    for (const id of this.running.keys()) {
      if (!held.has(id)) {
        this.ctx.log.warn({ deviceId: id }, 'lease lost; another node runs this device now');
        await this.stopDevice(id, { release: false });
      }
    }
    for (const device of await devicesToRun(this.ctx.db)) {
      if (!this.running.has(device.id)) await this.ensureRunning(device.id);
    }
  }

  isRunning(deviceId: string): boolean {
    return this.running.has(deviceId);
  }

  engineOf(deviceId: string): Engine | undefined {
    return this.running.get(deviceId)?.engine;
  }

  currentQr(deviceId: string): ShownQr | null {
    const local = this.running.get(deviceId);
    if (local) return local.live.qr;
    return this.remoteQr.current(deviceId);
  }

  updatePacing(deviceId: string, pacing: Pacing): void {
    const running = this.running.get(deviceId);
    if (running) running.live.pacing = pacing;
  }

  /** Starts linking or reconnecting a device this node runs or can run. */
  async connect(row: DeviceRow, pairingPhone?: string): Promise<void> {
    if (this.running.has(row.id) && row.status !== 'disconnected' && !pairingPhone) return;
    await this.stopDevice(row.id, { release: false });
    await setDeviceStatus(this.ctx, row.id, 'connecting', { reason: null });
    await this.ensureRunning(row.id, pairingPhone ? { pairingPhone } : {});
  }

  /** Unlinks the device, wipes its session and fails what was waiting for it. */
  async logout(deviceId: string, reason: string): Promise<void> {
    if (this.running.has(deviceId)) await this.stopDevice(deviceId, { release: true, logout: true });
    await createEngineStateStore(this.ctx.db, this.ctx.masterKey, deviceId).clear();
    await setDeviceStatus(this.ctx, deviceId, 'logged_out', { reason });
    await this.hooks.onLoggedOut(deviceId);
  }

  /** Commands another node sent about a device this node runs. */
  private onCommand(command: DeviceCommand): void {
    const entry = this.running.get(command.deviceId);
    if (!entry) return;
    const work = async () => {
      if (command.command === 'pacing') return this.updatePacing(command.deviceId, command.pacing);
      if (command.command === 'lookup') return this.answerLookup(entry.engine, command);
      const row = await findDeviceById(this.ctx.db, command.deviceId);
      if (!row) return;
      if (command.command === 'connect') await this.connect(row, command.pairingPhone);
      else await this.logout(command.deviceId, 'Logged out through the API');
    };
    work().catch((err: unknown) => this.ctx.log.error({ err, command }, 'device command failed'));
  }

  private async answerLookup(engine: Engine, command: { phone: string; requestId: string }): Promise<void> {
    try {
      const result = await engine.lookup(command.phone);
      this.ctx.bus.publish('device-lookups', { requestId: command.requestId, ok: true, result });
    } catch (err) {
      const error = err instanceof Error ? err.message : 'The lookup failed';
      this.ctx.bus.publish('device-lookups', { requestId: command.requestId, ok: false, error });
    }
  }

  /** Starts the device here if its lease can be had (idempotent; concurrent calls share one start). */
  async ensureRunning(deviceId: string, options: { pairingPhone?: string } = {}): Promise<boolean> {
    if (this.stopped) return false;
    if (this.running.has(deviceId)) return true;
    let pending = this.starting.get(deviceId);
    if (!pending) {
      pending = this.startDevice(deviceId, options).finally(() => this.starting.delete(deviceId));
      this.starting.set(deviceId, pending);
    }
    await pending;
    return this.running.has(deviceId);
  }

  private async startDevice(deviceId: string, options: { pairingPhone?: string }): Promise<void> {
    const row = await findDeviceById(this.ctx.db, deviceId);
    if (!row) return;
    if (!(await acquireLease(this.ctx.db, deviceId, this.ctx.nodeId, this.ctx.clock.now(), this.ttlMs)))
      return;
    const log = this.ctx.log.child({ deviceId });
    const engine = await createEngine(
      row.engine,
      {
        deviceId,
        log,
        state: createEngineStateStore(this.ctx.db, this.ctx.masterKey, deviceId),
        shared: this.sharedEngineState,
        getMessageText: (waMessageId) => this.hooks.messageText(deviceId, waMessageId),
      },
      { config: this.ctx.config, hub: this.hub },
    );
    const live: LiveState = { connected: false, pacing: parsePacing(row.pacing, row.engine), qr: null };
    const dispatcher = await this.hooks.createDispatcher({
      id: deviceId,
      workspaceId: row.workspace_id,
      engine,
      isConnected: () => live.connected,
      pacing: () => live.pacing,
    });
    const entry: RunningDevice = { id: deviceId, workspaceId: row.workspace_id, engine, dispatcher, live };
    this.attach(entry);
    this.running.set(deviceId, entry);
    if (row.status !== 'connected' && row.status !== 'disconnected')
      await setDeviceStatus(this.ctx, deviceId, 'connecting');
    await dispatcher.start();
    try {
      await engine.start(options.pairingPhone ? { pairingPhone: options.pairingPhone } : undefined);
    } catch (err) {
      log.error({ err }, 'engine failed to start');
      await this.stopDevice(deviceId, { release: true });
      await setDeviceStatus(this.ctx, deviceId, 'disconnected', {
        reason: `Engine failed to start: ${(err as Error).message}`,
      });
    }
  }

  private attach(entry: RunningDevice): void {
    const { engine, id, live } = entry;
    const publish = (event: DeviceStreamEvent) => this.ctx.bus.publish(deviceTopic(id), event);
    const guard = (what: string, work: Promise<unknown>) =>
      work.catch((err: unknown) => this.ctx.log.error({ err, deviceId: id }, `handling ${what} failed`));
    // Status changes are applied one after another, in the order the engine reported them: a scan
    // right after a QR must not let the slower "qr" write land after "connected".
    let statusChain: Promise<unknown> = Promise.resolve();
    const inOrder = (what: string, work: () => Promise<unknown>) => {
      statusChain = guard(what, statusChain.then(work));
    };
    engine.on('qr', ({ qr, expiresAt }) => {
      const shown = { qr, expiresAt: expiresAt.toISOString() };
      live.qr = shown;
      publish({ type: 'qr', ...shown });
      this.remoteQr.share(id, shown);
      inOrder('qr', () => setDeviceStatus(this.ctx, id, 'qr', { eventExtra: shown }));
    });
    engine.on('pairing_code', ({ code }) => publish({ type: 'pairing_code', code }));
    engine.on('connected', ({ phone, displayName, jid }) => {
      live.qr = null;
      live.connected = true;
      inOrder('connected', () =>
        setDeviceStatus(this.ctx, id, 'connected', {
          phone,
          displayName: displayName ?? null,
          jid,
          reason: null,
        }).then(() => entry.dispatcher.wake()),
      );
    });
    engine.on('disconnected', ({ reason, willReconnect, retryInMs }) => {
      live.connected = false;
      const retry = retryInMs === undefined ? '' : ` in ${(retryInMs / 1000).toFixed(1)} s`;
      inOrder('disconnected', () =>
        setDeviceStatus(this.ctx, id, 'disconnected', {
          reason: willReconnect ? `${reason}; reconnecting${retry}` : reason,
        }),
      );
    });
    engine.on('logged_out', ({ reason }) => {
      live.connected = false;
      inOrder('logged_out', () =>
        this.stopDevice(id, { release: true })
          .then(() => setDeviceStatus(this.ctx, id, 'logged_out', { reason }))
          .then(() => this.hooks.onLoggedOut(id)),
      );
    });
    engine.on('link_timeout', ({ reason }) => {
      inOrder('link_timeout', () =>
        this.stopDevice(id, { release: true }).then(() =>
          setDeviceStatus(this.ctx, id, 'unlinked', { reason }),
        ),
      );
    });
    // Receipts too are applied in the order they were reported. Applied side by side, a read
    // committing first makes the delivered before it a no-op (a message moves from sent to read,
    // never from read to delivered), and `delivered` was missing from the timeline.
    let receiptChain: Promise<unknown> = Promise.resolve();
    engine.on('message_status', (receipt) => {
      receiptChain = guard(
        'receipt',
        receiptChain.then(() => this.hooks.onReceipt(id, receipt)),
      );
    });
    engine.on(
      'inbound',
      (payload) =>
        void guard('inbound', this.hooks.onInbound({ id, workspaceId: entry.workspaceId }, payload)),
    );
  }

  /** Stops the engine and dispatcher here; the device's status is left to the caller. */
  async stopDevice(deviceId: string, options: { release: boolean; logout?: boolean }): Promise<void> {
    const entry = this.running.get(deviceId);
    if (!entry) return;
    this.running.delete(deviceId);
    entry.live.connected = false;
    await entry.dispatcher.stop();
    try {
      if (options.logout) await entry.engine.logout();
      else await entry.engine.stop();
    } catch (err) {
      this.ctx.log.warn({ err, deviceId }, 'engine did not stop cleanly');
    }
    if (options.release) await releaseLease(this.ctx.db, deviceId, this.ctx.nodeId);
  }
}
