/** A set that keeps its `max` most recently added values, forgetting the oldest first. */
export class RecentSet<T> {
  private readonly values = new Set<T>();

  constructor(private readonly max: number) {}

  has(value: T): boolean {
    return this.values.has(value);
  }

  delete(value: T): void {
    this.values.delete(value);
  }

  /** Adds `value` as the newest (again, when it was there). */
  add(value: T): void {
    this.values.delete(value);
    this.values.add(value);
    if (this.values.size > this.max) {
      const oldest = this.values.values().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
  }
}
