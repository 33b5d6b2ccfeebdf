import type { SandboxReceipt } from './magic-numbers.js';

/** A message as the simulated recipient's phone sees it. */
export interface SandboxMessage {
  /** The WhatsApp message id. */
  id: string;
  deviceId: string;
  /** The sending device's phone (E.164). */
  from: string;
  to: string;
  /** The text, or the caption of a file. */
  text: string;
  at: Date;
  status: SandboxReceipt;
  /** The file the recipient got, as its phone would show it; the bytes were read and hashed, not kept. */
  media?: SandboxMedia;
}

export interface SandboxMedia {
  type: string;
  mime: string;
  size: number;
  sha256: string;
  filename?: string;
  voice?: boolean;
}

export interface SandboxMessageFilter {
  to?: string;
  deviceId?: string;
  /** Default 100. */
  limit?: number;
}

const RANK: Record<SandboxReceipt, number> = { sent: 1, delivered: 2, read: 3 };

/**
 * All simulated recipients' inboxes. Bounded, because a demo server may run for weeks:
 * the oldest messages are forgotten first.
 */
export class SandboxInbox {
  // Insertion order is age order, which makes dropping the oldest cheap.
  private readonly entries = new Map<string, SandboxMessage>();

  constructor(private readonly capacity: number) {}

  find(deviceId: string, id: string): SandboxMessage | undefined {
    const entry = this.entries.get(key(deviceId, id));
    return entry && { ...entry };
  }

  add(message: SandboxMessage): void {
    this.entries.set(key(message.deviceId, message.id), { ...message });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Receipts only move forward, whatever order they are reported in. */
  setStatus(deviceId: string, id: string, status: SandboxReceipt): void {
    const entry = this.entries.get(key(deviceId, id));
    if (entry && RANK[status] > RANK[entry.status]) entry.status = status;
  }

  /** Newest first. */
  list(filter: SandboxMessageFilter = {}): SandboxMessage[] {
    const limit = Math.max(0, filter.limit ?? 100);
    const result: SandboxMessage[] = [];
    const all = [...this.entries.values()];
    for (let i = all.length - 1; i >= 0 && result.length < limit; i--) {
      const entry = all[i];
      if (!entry) continue;
      if (filter.to !== undefined && entry.to !== filter.to) continue;
      if (filter.deviceId !== undefined && entry.deviceId !== filter.deviceId) continue;
      result.push({ ...entry });
    }
    return result;
  }
}

function key(deviceId: string, id: string): string {
  return `${deviceId}\u0000${id}`;
}
