import type { MessageRow } from './tables.js';

/**
 * Most messages one claim takes on a line with no pacing (they go out back to back anyway). Kept
 * small: a message queued with a higher priority meanwhile waits for at most this many hand-offs,
 * and a crash leaves at most this many `sending`.
 */
const BURST = 8;
/**
 * Most one claim takes from a backlog, through an engine that takes a burst in one call
 * (`sendTexts`): each full claim doubles the next, up to this; one that was not full goes back to
 * BURST. A claim and its hand-off are two round trips whatever their size, and on a busy database
 * a claim of 8 at a time fell behind the requests queuing more (docs/performance.md, "A backlog
 * claimed in larger bursts"); a message of higher priority queued meanwhile waits for the burst in
 * hand, which goes in one engine call, and a crash leaves at most this many `sending`, each sent
 * again with its own WhatsApp id at the line's next start.
 */
const BACKLOG_BURST = 64;

/**
 * How many messages a line's next claim takes: one on a paced line or with "typing…" (something
 * comes between two sends); BURST on an unpaced one, and, through an engine that takes several
 * texts in one call, twice the last claim's while they come back full of texts, up to
 * BACKLOG_BURST.
 */
export class ClaimSize {
  private burst = BURST;
  /** What the last claim asked for, when it could have grown; 0 when it could not. */
  private asked = 0;

  /** `backToBack`: nothing comes between two sends of the line (no pacing, no "typing…"). */
  next(backToBack: boolean, takesBursts: boolean): number {
    this.asked = backToBack && takesBursts ? this.burst : 0;
    return !backToBack ? 1 : takesBursts ? this.burst : BURST;
  }

  /** What the claim `next` sized brought. A file among them goes out alone, as every file does. */
  claimed(messages: readonly Pick<MessageRow, 'media'>[]): void {
    if (this.asked === 0) return;
    this.burst =
      messages.length === this.asked && messages.every((message) => !message.media)
        ? Math.min(this.asked * 2, BACKLOG_BURST)
        : BURST;
  }
}
