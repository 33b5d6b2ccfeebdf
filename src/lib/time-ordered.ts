/** Dropped entries are cut off the front once there are this many and they are half of the list. */
const COMPACT_AFTER = 1024;

/**
 * Entries kept in time order, oldest first, and dropped from the front: adding, dropping the old
 * and looking up by time cost the same however many are kept, for lists that grow at a message's
 * rate (a line's send times of the last day, the sandbox's records waiting to be forgotten).
 */
export class TimeOrdered<T> {
  private times: number[] = [];
  private values: T[] = [];
  private head = 0;

  /** Entries kept. */
  get size(): number {
    return this.times.length - this.head;
  }

  /** Adds an entry; one older than the newest (a clock set back) goes in its place. */
  add(at: number, value: T): void {
    const newest = this.newest();
    if (newest === undefined || at >= newest) {
      this.times.push(at);
      this.values.push(value);
      return;
    }
    const index = this.indexAfter(at);
    this.times.splice(index, 0, at);
    this.values.splice(index, 0, value);
  }

  oldest(): number | undefined {
    return this.size > 0 ? this.times[this.head] : undefined;
  }

  newest(): number | undefined {
    return this.nthNewest(1);
  }

  /** The time of the n-th newest entry (1 is the newest); undefined when fewer are kept. */
  nthNewest(n: number): number | undefined {
    return n >= 1 && n <= this.size ? this.times[this.times.length - n] : undefined;
  }

  /** How many entries are later than `time`. */
  countAfter(time: number): number {
    return this.times.length - this.indexAfter(time);
  }

  /** Drops the entries at `time` or earlier and returns their values, oldest first. */
  dropThrough(time: number): T[] {
    const start = this.head;
    while (this.head < this.times.length && this.times[this.head]! <= time) this.head++;
    const dropped = start === this.head ? [] : this.values.slice(start, this.head);
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
    return dropped;
  }

  /** The index of the first kept entry later than `time` (the list's end when there is none). */
  private indexAfter(time: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle]! > time) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
