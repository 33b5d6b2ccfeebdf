/**
 * Every timer an engine arms, in one place, so stop() can cancel all of them and neither
 * the server nor a test run is kept alive by a simulated receipt still waiting to fire.
 */
export class TimerSet {
  private readonly handles = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
    return () => {
      clearTimeout(handle);
      this.handles.delete(handle);
    };
  }

  clearAll(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
