import type { Engine } from '../engines/engine.js';

/**
 * A slot in the start gate: held from the moment a device's engine is started until the device
 * is up (connected, showing a QR code, or closed) or its start failed. `release` is idempotent.
 */
export interface StartSlot {
  release(): void;
}

/** How a device is asked to start. */
export interface DeviceStartOptions {
  pairingPhone?: string;
  /** Brought back by the takeover: waits its turn in the start gate. Otherwise a person asked. */
  resume?: boolean;
}

/** A login that neither connects nor fails within this long frees its slot anyway. */
export const START_SLOT_TIMEOUT_MS = 60_000;

interface Waiter {
  grant: (slot: StartSlot | null) => void;
}

/**
 * Bounds how many devices a node brings up at once (docs/architecture.md, "Bringing devices up").
 * A WhatsApp login (handshake, Signal work, initial sync) is heavy on the CPU: hundreds at once
 * held up the event loop past the lease renewal deadline, every device was stopped for safety,
 * taken over again, and so on. Devices resumed by the takeover wait here in the order they came,
 * at most `limit` of them starting at any moment. A person's connect does not wait: `now` grants
 * a slot at once, over the limit if need be (it still counts, so resumes wait for it too).
 */
export class StartGate {
  private active = 0;
  /** Devices waiting their turn, in the order they asked (a Map keeps insertion order). */
  private readonly waiting = new Map<string, Waiter>();

  constructor(
    private readonly limit: number,
    private readonly timeoutMs = START_SLOT_TIMEOUT_MS,
  ) {}

  /** Devices starting now (between their engine's start and its first outcome). */
  get starting(): number {
    return this.active;
  }

  /** Devices waiting their turn. */
  get queued(): number {
    return this.waiting.size;
  }

  isQueued(deviceId: string): boolean {
    return this.waiting.has(deviceId);
  }

  /**
   * Waits for the device's turn; null when it was withdrawn meanwhile (its start is not wanted
   * any more, or someone started it another way). One wait per device at a time.
   */
  turn(deviceId: string): Promise<StartSlot | null> {
    if (this.waiting.has(deviceId)) throw new Error(`Device ${deviceId} is already waiting to start`);
    if (this.active < this.limit && this.waiting.size === 0) return Promise.resolve(this.grant());
    return new Promise((resolve) => this.waiting.set(deviceId, { grant: resolve }));
  }

  /** A slot at once, whatever the queue: a person asked for this device. */
  now(): StartSlot {
    return this.grant();
  }

  /** Takes the device out of the queue; its `turn` resolves to null. */
  withdraw(deviceId: string): void {
    const waiter = this.waiting.get(deviceId);
    if (!waiter) return;
    this.waiting.delete(deviceId);
    waiter.grant(null);
  }

  /** Every waiting device gives up (the node is shutting down). */
  close(): void {
    for (const id of [...this.waiting.keys()]) this.withdraw(id);
  }

  private grant(): StartSlot {
    this.active++;
    let held = true;
    const timer = setTimeout(() => slot.release(), this.timeoutMs);
    timer.unref();
    const slot: StartSlot = {
      release: () => {
        if (!held) return;
        held = false;
        clearTimeout(timer);
        this.active--;
        this.next();
      },
    };
    return slot;
  }

  private next(): void {
    while (this.active < this.limit) {
      const first = this.waiting.entries().next();
      if (first.done) return;
      const [deviceId, waiter] = first.value;
      this.waiting.delete(deviceId);
      waiter.grant(this.grant());
    }
  }
}

/** The engine events that end a login's start, whatever came of it. */
const START_OUTCOMES = [
  'qr',
  'pairing_code',
  'connected',
  'disconnected',
  'logged_out',
  'link_timeout',
] as const;

/** Gives the slot back at the engine's first outcome: the next device may begin its login. */
export function releaseOnFirstOutcome(engine: Engine, slot: StartSlot): void {
  for (const outcome of START_OUTCOMES) engine.on(outcome, () => slot.release());
}
