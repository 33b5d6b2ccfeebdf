import { performance } from 'node:perf_hooks';
import type { LeaseTiming } from '../config.js';
import type { AppContext } from '../context.js';
import { acquireLease, releaseLease, renewLeases, type LeaseFence } from '../cluster/leases.js';
import { startLoop, type Loop } from '../jobs/loop.js';

interface Held {
  fence: LeaseFence;
  /** Monotonic time until which this node may act on the device (see `valid`). */
  validUntil: number;
}

/** Why a device must stop here: its renewal was refused, or none succeeded in time. */
export type LeaseLoss = 'lost' | 'late';

/**
 * This node's device leases (docs/architecture.md, "What happens when a node dies"): takes them,
 * renews them every `renewMs`, and gives a device up — `onLoss` — as soon as its lease may no
 * longer be ours: when a renewal is refused, or when no renewal succeeded within `renewDeadlineMs`
 * of being sent. The deadline is shorter than the TTL and counted from before the renewal left, so
 * the device is stopped here before the lease the database holds can expire for another node.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  private renewLoop: Loop | null = null;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly timing: LeaseTiming,
    private readonly onLoss: (fence: LeaseFence, why: LeaseLoss) => void,
  ) {}

  start(): void {
    this.renewLoop = startLoop({
      name: 'lease renewal',
      log: this.ctx.log,
      intervalMs: this.timing.renewMs,
      run: () => this.renew(),
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.watchdog);
    await this.renewLoop?.stop();
  }

  /** Takes the device's lease if it is free or expired; the fence to write with, or null. */
  async acquire(deviceId: string): Promise<LeaseFence | null> {
    const sentAt = performance.now();
    const fence = await acquireLease(
      this.ctx.db,
      this.ctx.dialect,
      deviceId,
      this.ctx.nodeId,
      this.timing.ttlMs,
    );
    if (!fence) return null;
    this.held.set(deviceId, { fence, validUntil: sentAt + this.timing.renewDeadlineMs });
    this.arm();
    return fence;
  }

  fence(deviceId: string): LeaseFence | undefined {
    return this.held.get(deviceId)?.fence;
  }

  /**
   * Whether this node may still act on the device by its own clock: a renewal sent less than the
   * renew deadline ago succeeded. Cheap; the database check is `holdLease` in the write itself.
   */
  valid(deviceId: string): boolean {
    const entry = this.held.get(deviceId);
    return entry !== undefined && performance.now() < entry.validUntil;
  }

  /** Stops renewing this lease; with `release`, frees it at once for any node (only as held). */
  async drop(fence: LeaseFence, options: { release: boolean }): Promise<void> {
    if (this.held.get(fence.deviceId)?.fence.generation === fence.generation)
      this.held.delete(fence.deviceId);
    if (options.release) await releaseLease(this.ctx.db, fence);
  }

  private async renew(): Promise<void> {
    const fences = [...this.held.values()].map((h) => h.fence);
    if (fences.length === 0) return;
    const sentAt = performance.now();
    const kept = await renewLeases(this.ctx.db, this.ctx.dialect, fences, this.timing.ttlMs);
    for (const fence of fences) {
      const entry = this.held.get(fence.deviceId);
      // Dropped, or taken again as a new generation, while the renewal was on its way.
      if (!entry || entry.fence.generation !== fence.generation) continue;
      if (kept.has(fence.deviceId))
        entry.validUntil = Math.max(entry.validUntil, sentAt + this.timing.renewDeadlineMs);
      else this.lose(fence.deviceId, 'lost');
    }
    this.arm();
  }

  private lose(deviceId: string, why: LeaseLoss): void {
    const entry = this.held.get(deviceId);
    if (!entry) return;
    this.held.delete(deviceId);
    this.onLoss(entry.fence, why);
  }

  /**
   * Wakes when the earliest deadline passes, independently of the renewal loop: a renewal stuck
   * on a database that does not answer must not keep the device running past it.
   */
  private arm(): void {
    clearTimeout(this.watchdog);
    let earliest = Infinity;
    for (const entry of this.held.values()) earliest = Math.min(earliest, entry.validUntil);
    if (earliest === Infinity) return;
    this.watchdog = setTimeout(() => this.expire(), Math.max(0, earliest - performance.now()));
    this.watchdog.unref();
  }

  private expire(): void {
    const now = performance.now();
    for (const [deviceId, entry] of this.held) {
      if (entry.validUntil <= now) {
        this.ctx.log.warn(
          { deviceId },
          'lease renewal late; stopping the device before the lease can expire',
        );
        this.lose(deviceId, 'late');
      }
    }
    this.arm();
  }
}
