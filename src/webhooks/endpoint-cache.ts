import type { EventBus } from '../events/bus.js';

/** How long "this workspace has no enabled endpoint" is trusted without a bus notification. */
export const NO_ENDPOINTS_TTL_MS = 5_000;

/**
 * Remembers which workspaces have no enabled webhook endpoint, so an event there queues no
 * delivery without asking the database (most events: most lines have no webhook). Only that
 * answer is remembered: a workspace with endpoints is always read in the recording transaction,
 * so a disabled or deleted endpoint never gets a delivery from a stale memory.
 *
 * An endpoint created or turned on anywhere is announced on `webhooks.endpoints` (across nodes on
 * PostgreSQL), which forgets the workspace here; the short TTL covers a notification a node missed
 * while its bus reconnected.
 */
export class EndpointPresence {
  private readonly empty = new Map<string, number>();
  /** Bumped by every notification, so a load that raced one does not store an old answer. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly nowMs: () => number = Date.now,
    private readonly ttlMs = NO_ENDPOINTS_TTL_MS,
  ) {}

  /** Forgets the workspace on every endpoint change the bus carries. Returns the unsubscribe. */
  listen(bus: EventBus): () => void {
    return bus.subscribe('webhooks.endpoints', (workspaceId) => this.forget(workspaceId));
  }

  /** True when the workspace surely has no enabled endpoint (no database read needed). */
  knownEmpty(workspaceId: string): boolean {
    const since = this.empty.get(workspaceId);
    if (since === undefined) return false;
    if (this.nowMs() - since < this.ttlMs) return true;
    this.empty.delete(workspaceId);
    return false;
  }

  /** Taken before reading the endpoints; hand it to `noteEmpty` with what the read found. */
  generation(workspaceId: string): number {
    return this.generations.get(workspaceId) ?? 0;
  }

  /** The read that started at `generation` found no enabled endpoint. */
  noteEmpty(workspaceId: string, generation: number): void {
    if (this.generation(workspaceId) === generation) this.empty.set(workspaceId, this.nowMs());
  }

  forget(workspaceId: string): void {
    this.generations.set(workspaceId, this.generation(workspaceId) + 1);
    this.empty.delete(workspaceId);
  }
}
