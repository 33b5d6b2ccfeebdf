/** Most taken entries left at the front before the list is cut down (once they are half of it). */
const COMPACT_AFTER = 1024;

/**
 * Ids with the time each falls due, added in the order they fall due (every entry waits the same
 * grace), taken from the front: adding and taking cost the same however many wait.
 */
export class DueQueue {
  private ids: string[] = [];
  private dueAts: number[] = [];
  private head = 0;

  add(id: string, dueAt: number): void {
    this.ids.push(id);
    this.dueAts.push(dueAt);
  }

  /** When the oldest waiting entry falls due; undefined when none waits. */
  nextDueAt(): number | undefined {
    return this.head < this.dueAts.length ? this.dueAts[this.head] : undefined;
  }

  /** Takes every entry due at `now` or before, oldest first. */
  takeDue(now: number): string[] {
    const start = this.head;
    while (this.head < this.dueAts.length && this.dueAts[this.head]! <= now) this.head++;
    const taken = this.ids.slice(start, this.head);
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.dueAts = this.dueAts.slice(this.head);
      this.head = 0;
    }
    return taken;
  }
}
