import { leaseTiming } from '../config.js';
import type { AppContext } from '../context.js';
import { isLeaseLost, type LeaseFence } from '../cluster/leases.js';
import type { Engine, EngineSharedStore } from '../engines/engine.js';
import type { SandboxHub } from '../engines/sandbox/hub.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { createEngine, type EngineFactory } from './engine-factory.js';
import type { DeviceDispatcher, DeviceHooks } from './hooks.js';
import { LeaseKeeper, type LeaseLoss } from './lease-keeper.js';
import { createEngineSharedStore } from './shared-state-store.js';
import { parsePacing, type Pacing } from './pacing.js';
import { handleDeviceCommand } from './remote-commands.js';
import { RemoteQrCache, type ShownQr } from './remote-qr.js';
import { releaseOnFirstOutcome, StartGate, type DeviceStartOptions, type StartSlot } from './start-gate.js';
import { ReceiptQueue } from './receipt-queue.js';
import { createEngineStateStore } from './state-store.js';
import { NODE_REASONS, setDeviceStatus } from './status.js';
import { findDeviceById, unheldDevices } from './store.js';
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
  /** The lease this node runs the device under; every status it writes for the device carries it. */
  fence: LeaseFence;
  /** Held until the device is up (connected, QR shown, closed): see StartGate. */
  startSlot: StartSlot;
}

export interface SupervisorOptions {
  /** Makes the engines; the default makes sandbox and Baileys engines. */
  createEngine?: EngineFactory;
}

/**
 * Runs the engines of the devices this node holds leases for (docs/architecture.md, "Devices,
 * leases and takeover"): starts them, turns their events into device statuses and hands their
 * traffic to `hooks`, keeps their leases (`LeaseKeeper`), stops a device the moment its lease may
 * no longer be ours, and takes over devices whose holder stopped renewing. A device never runs
 * twice in one process.
 */
export class DeviceSupervisor {
  private readonly running = new Map<string, RunningDevice>();
  private readonly starting = new Map<string, Promise<void>>();
  private pollLoop: Loop | null = null;
  private stopped = false;
  private readonly leases: LeaseKeeper;
  /** Stops after a lost lease, still under way (stop waits for them). */
  private readonly fencing = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly remoteQr: RemoteQrCache;
  private readonly unsubscribeCommands: () => void;
  /** One for every engine here: what one device learns (the WhatsApp Web version) serves all. */
  private readonly sharedEngineState: EngineSharedStore;
  /** How many devices come up at once (docs/architecture.md, "Bringing devices up"). */
  private readonly gate: StartGate;
  private readonly createEngine: EngineFactory;

  constructor(
    private readonly ctx: AppContext,
    readonly hub: SandboxHub,
    readonly hooks: DeviceHooks,
    options: SupervisorOptions = {},
  ) {
    const timing = leaseTiming(ctx.config);
    this.gate = new StartGate(ctx.config.deviceStartConcurrency);
    this.createEngine = options.createEngine ?? createEngine;
    this.pollMs = timing.pollMs;
    this.leases = new LeaseKeeper(ctx, timing, (fence, why) => this.onLeaseLoss(fence, why));
    this.sharedEngineState = createEngineSharedStore(ctx.db);
    this.remoteQr = new RemoteQrCache(ctx.bus, ctx.clock);
    this.unsubscribeCommands = ctx.bus.subscribe('device-commands', (command) =>
      handleDeviceCommand(ctx, this, command),
    );
  }

  async start(): Promise<void> {
    this.leases.start();
    await this.takeOver().catch((err: unknown) => this.ctx.log.error({ err }, 'device takeover failed'));
    this.pollLoop = startLoop({
      name: 'device takeover',
      log: this.ctx.log,
      intervalMs: this.pollMs,
      run: () => this.takeOver(),
    });
  }

  /**
   * A clean shutdown: every device here stops, says so (`disconnected`, `node_shutdown`) and is
   * released, so another node takes it over at its next poll instead of after the lease's TTL.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.remoteQr.close();
    this.unsubscribeCommands();
    await this.pollLoop?.stop();
    this.gate.close();
    await Promise.allSettled([...this.starting.values()]);
    await Promise.all(
      [...this.running.keys()].map((id) =>
        this.stopDevice(id, { release: true, status: NODE_REASONS.nodeShutdown }).catch((err: unknown) =>
          this.ctx.log.warn({ err, deviceId: id }, 'device did not stop cleanly'),
        ),
      ),
    );
    await Promise.allSettled([...this.fencing]);
    await this.leases.stop();
    this.hooks.close();
  }

  /**
   * Queues the devices that should run and whose lease is free or expired (their node is gone)
   * in the start gate; each takes its lease when its turn comes, not before. Does not wait for
   * them: the next poll skips the ones still waiting.
   */
  private async takeOver(): Promise<void> {
    if (this.stopped) return;
    for (const id of await unheldDevices(this.ctx.db, this.ctx.dialect)) {
      if (this.stopped) return;
      if (this.running.has(id) || this.starting.has(id)) continue;
      this.ensureRunning(id, { resume: true }).catch((err: unknown) =>
        this.ctx.log.error({ err, deviceId: id }, 'device takeover failed'),
      );
    }
  }

  /**
   * The lease may no longer be ours: stop the engine at once, before anything else (another node
   * may open the session once the lease expires), then, if the database still lets us, say so and
   * free the lease. Both writes are fenced, so they are harmless when another node holds it.
   */
  private onLeaseLoss(fence: LeaseFence, why: LeaseLoss): void {
    const entry = this.running.get(fence.deviceId);
    if (!entry || entry.fence.generation !== fence.generation) return;
    this.ctx.log.warn({ deviceId: fence.deviceId, why }, 'lease lost; stopping the device here');
    const work = this.stopDevice(fence.deviceId, {
      release: why === 'late',
      ...(why === 'late' ? { status: NODE_REASONS.leaseLost } : {}),
    }).catch((err: unknown) => {
      if (!isLeaseLost(err)) this.ctx.log.warn({ err, deviceId: fence.deviceId }, 'after a lost lease');
    });
    this.fencing.add(work);
    void work.finally(() => this.fencing.delete(work));
  }

  isRunning(deviceId: string): boolean {
    return this.running.has(deviceId);
  }

  /** The lease this node runs the device under, if it does. */
  leaseOf(deviceId: string): LeaseFence | undefined {
    return this.running.get(deviceId)?.fence;
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
    await this.stopDevice(deviceId, { release: true, logout: true });
    await createEngineStateStore(this.ctx.db, this.ctx.masterKey, deviceId).clear();
    await setDeviceStatus(this.ctx, deviceId, 'logged_out', { reason });
    await this.hooks.onLoggedOut(deviceId);
  }

  /**
   * Starts the device here if its lease can be had (idempotent; concurrent calls share one start).
   * Without `resume` a person is waiting: a device still queued by the takeover leaves the queue
   * and starts at once.
   */
  async ensureRunning(deviceId: string, options: DeviceStartOptions = {}): Promise<boolean> {
    if (this.stopped) return false;
    if (this.running.has(deviceId)) return true;
    if (!options.resume && this.gate.isQueued(deviceId)) {
      this.gate.withdraw(deviceId);
      await this.starting.get(deviceId);
      if (this.stopped) return false;
      if (this.running.has(deviceId)) return true;
    }
    let pending = this.starting.get(deviceId);
    if (!pending) {
      pending = this.startDevice(deviceId, options).finally(() => this.starting.delete(deviceId));
      this.starting.set(deviceId, pending);
    }
    await pending;
    return this.running.has(deviceId);
  }

  /** Waits for a start slot (resumes only), starts the device, and gives the slot back unless it runs. */
  private async startDevice(deviceId: string, options: DeviceStartOptions): Promise<void> {
    const slot = options.resume ? await this.gate.turn(deviceId) : this.gate.now();
    if (!slot) return;
    try {
      if (!this.stopped) await this.bringUp(deviceId, options, slot);
    } finally {
      // Kept only by a device that is running: its first outcome or its stop gives it back.
      if (this.running.get(deviceId)?.startSlot !== slot) slot.release();
    }
  }

  private async bringUp(deviceId: string, options: DeviceStartOptions, startSlot: StartSlot): Promise<void> {
    if (!(await findDeviceById(this.ctx.db, deviceId))) return;
    const fence = await this.leases.acquire(deviceId);
    if (!fence) return;
    // Read again under the lease: the status its last holder left is what happens next.
    const row = await findDeviceById(this.ctx.db, deviceId);
    if (!row) return void (await this.leases.drop(fence, { release: true }));
    const log = this.ctx.log.child({ deviceId });
    const engine = await this.createEngine(
      row.engine,
      {
        deviceId,
        log,
        // Beside the requests, like the dispatcher: a send that stores keys or a sent record must
        // not wait behind a burst of requests holding the request pool.
        state: createEngineStateStore(this.ctx.backgroundDb, this.ctx.masterKey, deviceId),
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
      lease: fence,
      holdsLease: () => this.leases.valid(deviceId),
    });
    const entry: RunningDevice = {
      id: deviceId,
      workspaceId: row.workspace_id,
      engine,
      dispatcher,
      live,
      fence,
      startSlot,
    };
    this.attach(entry);
    this.running.set(deviceId, entry);
    try {
      // "connected" with no engine of ours connected yet: whoever ran the device is gone without
      // saying so (a crash, a cut-off node). Say it now, with its event, webhook and alert.
      if (row.status === 'connected')
        await setDeviceStatus(this.ctx, deviceId, 'disconnected', { reason: NODE_REASONS.nodeLost, fence });
      else if (row.status !== 'disconnected')
        await setDeviceStatus(this.ctx, deviceId, 'connecting', { fence });
      await dispatcher.start();
      await engine.start(options.pairingPhone ? { pairingPhone: options.pairingPhone } : undefined);
    } catch (err) {
      if (isLeaseLost(err)) return void (await this.stopDevice(deviceId, { release: false }));
      log.error({ err }, 'engine failed to start');
      await this.stopDevice(deviceId, {
        release: true,
        status: `Engine failed to start: ${(err as Error).message}`,
      });
    }
  }

  private attach(entry: RunningDevice): void {
    const { engine, id, live, fence } = entry;
    releaseOnFirstOutcome(engine, entry.startSlot);
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
      inOrder('qr', () => setDeviceStatus(this.ctx, id, 'qr', { eventExtra: shown, fence }));
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
          fence,
        }).then(() => entry.dispatcher.wake()),
      );
    });
    engine.on('disconnected', ({ reason, willReconnect, retryInMs }) => {
      live.connected = false;
      const retry = retryInMs === undefined ? '' : ` in ${(retryInMs / 1000).toFixed(1)} s`;
      inOrder('disconnected', () =>
        setDeviceStatus(this.ctx, id, 'disconnected', {
          reason: willReconnect ? `${reason}; reconnecting${retry}` : reason,
          fence,
        }),
      );
    });
    engine.on('logged_out', ({ reason }) => {
      live.connected = false;
      // The status first, while the lease is still held to prove it; then the device stops here.
      inOrder('logged_out', () =>
        setDeviceStatus(this.ctx, id, 'logged_out', { reason, fence })
          .then(() => this.stopDevice(id, { release: true }))
          .then(() => this.hooks.onLoggedOut(id)),
      );
    });
    engine.on('link_timeout', ({ reason }) => {
      inOrder('link_timeout', () =>
        setDeviceStatus(this.ctx, id, 'unlinked', { reason, fence }).then(() =>
          this.stopDevice(id, { release: true }),
        ),
      );
    });
    const receipts = new ReceiptQueue(
      (batch) => this.hooks.onReceipts(id, batch),
      (err) => this.ctx.log.error({ err, deviceId: id }, 'handling receipt failed'),
    );
    engine.on('message_status', (receipt) => receipts.push(receipt));
    engine.on(
      'inbound',
      (payload) =>
        void guard('inbound', this.hooks.onInbound({ id, workspaceId: entry.workspaceId }, payload)),
    );
  }

  /**
   * Stops the engine and dispatcher here. With `status`, the device is then marked `disconnected`
   * with that reason (under the lease, so only while it is still ours); with `release`, the lease
   * is freed for any node. Otherwise the device's status is left to the caller.
   */
  async stopDevice(
    deviceId: string,
    options: { release: boolean; logout?: boolean; status?: string },
  ): Promise<void> {
    const entry = this.running.get(deviceId);
    if (!entry) return;
    this.running.delete(deviceId);
    entry.live.connected = false;
    entry.startSlot.release();
    // The engine stops at once, beside the dispatcher rather than after it: a send in progress
    // must not hold the WhatsApp session open while the lease runs out.
    const engineStopped = (options.logout ? entry.engine.logout() : entry.engine.stop()).catch(
      (err: unknown) => this.ctx.log.warn({ err, deviceId }, 'engine did not stop cleanly'),
    );
    await Promise.all([engineStopped, entry.dispatcher.stop()]);
    try {
      if (options.status)
        await setDeviceStatus(this.ctx, deviceId, 'disconnected', {
          reason: options.status,
          fence: entry.fence,
        });
    } finally {
      await this.leases.drop(entry.fence, { release: options.release });
    }
  }
}
