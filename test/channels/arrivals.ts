/**
 * Lets a test await something a fake server receives asynchronously (an alert mail, a fallback
 * SMS) instead of sleeping. The fake calls `notify()` after each push to `items`.
 */
export function createArrivals<T>(items: T[], what: string) {
  const waiters = new Set<() => void>();
  return {
    notify(): void {
      for (const wake of waiters) wake();
    },
    waitFor(match: (item: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = items.find(match);
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching ${what} within ${timeoutMs} ms (${items.length} received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
