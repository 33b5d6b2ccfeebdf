/** What a simulated recipient's phone shows at the top of the chat with a line. */
export interface SandboxTyping {
  deviceId: string;
  /** The line's phone (E.164). */
  from: string;
  to: string;
  /** `composing` shows "typing…"; `paused` is what the last stop left. */
  state: 'composing' | 'paused';
  at: Date;
}

/** As long as WhatsApp shows "typing…" without a new composing update. */
export const TYPING_SHOWN_MS = 10_000;

/**
 * The simulated recipients' view of presence: the last typing update each received from each line.
 * A `composing` older than TYPING_SHOWN_MS reads as `paused`, as a phone stops showing it by itself.
 * Bounded like the inbox: the oldest entries go first.
 */
export class SandboxPresence {
  private readonly entries = new Map<string, SandboxTyping>();

  constructor(private readonly capacity = 1_000) {}

  record(update: SandboxTyping): void {
    const key = `${update.deviceId}|${update.to}`;
    this.entries.delete(key);
    this.entries.set(key, { ...update });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Newest first, as the recipients' phones show it at `now`. */
  list(filter: { to?: string; deviceId?: string }, now: Date): SandboxTyping[] {
    return [...this.entries.values()]
      .reverse()
      .filter(
        (e) =>
          (filter.to === undefined || e.to === filter.to) &&
          (filter.deviceId === undefined || e.deviceId === filter.deviceId),
      )
      .map((e) =>
        e.state === 'composing' && now.getTime() - e.at.getTime() > TYPING_SHOWN_MS
          ? { ...e, state: 'paused' as const }
          : { ...e },
      );
  }
}
