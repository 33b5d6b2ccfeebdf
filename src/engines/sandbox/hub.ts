/**
 * The simulated WhatsApp world shared by every sandbox engine of one server process: which
 * devices are running, and what the simulated recipients received. The sandbox HTTP routes
 * drive it to play the phone's and the customers' part.
 */
import type { InboundMedia } from '../engine.js';
import type { SimulatedDevice } from './simulated-device.js';
import { SandboxError } from './errors.js';
import { LINKED_STATES } from './link-state.js';
import { SandboxInbox, type SandboxMessage, type SandboxMessageFilter } from './inbox.js';
import { SandboxPresence } from './presence.js';

export { SandboxError, type SandboxErrorCode } from './errors.js';
export type { SandboxMessage, SandboxMessageFilter } from './inbox.js';
export type { SandboxTyping } from './presence.js';

export interface SandboxHubOptions {
  deliveredMs: number;
  readMs: number;
  /** Default 20,000. */
  qrRefreshMs?: number;
  /** Default 30. */
  qrMaxAttempts?: number;
  /** Messages kept across all inboxes, oldest dropped first. Default 5,000. */
  inboxCapacity?: number;
}

export type SandboxTiming = Readonly<Required<Omit<SandboxHubOptions, 'inboxCapacity'>>>;

export interface SandboxDisconnectOptions {
  /** Default 'phone offline'. */
  reason?: string;
  /** Come back by itself after this delay; without it the device stays down until restarted. */
  reconnectAfterMs?: number;
}

export class SandboxHub {
  readonly timing: SandboxTiming;
  readonly inbox: SandboxInbox;
  /** What the recipients' phones show of the lines typing to them. */
  readonly presence = new SandboxPresence();
  private readonly engines = new Map<string, SimulatedDevice>();

  constructor(options: SandboxHubOptions) {
    this.timing = Object.freeze({
      deliveredMs: nonNegative('deliveredMs', options.deliveredMs),
      readMs: nonNegative('readMs', options.readMs),
      qrRefreshMs: nonNegative('qrRefreshMs', options.qrRefreshMs ?? 20_000),
      qrMaxAttempts: Math.max(1, Math.floor(options.qrMaxAttempts ?? 30)),
    });
    this.inbox = new SandboxInbox(Math.max(1, options.inboxCapacity ?? 5_000));
  }

  /** Called by an engine when it starts; a newer engine for the same device replaces an older one. */
  register(engine: SimulatedDevice): void {
    this.engines.set(engine.deviceId, engine);
  }

  /** Called by an engine when it stops; leaves a newer engine of the same device in place. */
  unregister(engine: SimulatedDevice): void {
    if (this.engines.get(engine.deviceId) === engine) this.engines.delete(engine.deviceId);
  }

  engine(deviceId: string): SimulatedDevice | undefined {
    return this.engines.get(deviceId);
  }

  /** The phone `phone` (E.164) scans the device's QR, or confirms its pairing code. */
  async scan(deviceId: string, phone: string): Promise<void> {
    const engine = this.running(deviceId);
    if (engine.linkState !== 'waiting_for_scan') {
      throw new SandboxError('NOT_WAITING_FOR_SCAN', `Device ${deviceId} is not waiting for a scan`);
    }
    await engine.completeLink(phone);
  }

  /** What simulated recipients received, newest first. */
  messages(filter: SandboxMessageFilter = {}): SandboxMessage[] {
    return this.inbox.list(filter);
  }

  /** A simulated customer `from` (E.164) writes `text` to the device's line. */
  inbound(deviceId: string, from: string, text: string, media?: InboundMedia): { waMessageId: string } {
    return { waMessageId: this.connected(deviceId).receiveInbound(from, text, media) };
  }

  /** The linked phone drops off (battery, network), for good or for a blip. */
  disconnect(deviceId: string, options: SandboxDisconnectOptions = {}): void {
    this.connected(deviceId).dropConnection(options.reason ?? 'phone offline', options.reconnectAfterMs);
  }

  /** The user removes the linked device in WhatsApp's settings on the phone. */
  async unlink(deviceId: string): Promise<void> {
    const engine = this.running(deviceId);
    if (!LINKED_STATES.has(engine.linkState))
      throw new SandboxError('NOT_CONNECTED', `Device ${deviceId} is not linked`);
    await engine.removeFromPhone();
  }

  private running(deviceId: string): SimulatedDevice {
    const engine = this.engines.get(deviceId);
    if (!engine) throw new SandboxError('NOT_FOUND', `No sandbox engine is running for device ${deviceId}`);
    return engine;
  }

  private connected(deviceId: string): SimulatedDevice {
    const engine = this.running(deviceId);
    if (engine.linkState !== 'connected') {
      throw new SandboxError('NOT_CONNECTED', `Device ${deviceId} is not connected`);
    }
    return engine;
  }
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}
