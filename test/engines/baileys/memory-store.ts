/** An in-memory EngineStateStore that records its writes, so tests can check atomicity. */
import type { EngineStateStore } from '../../../src/engines/engine.js';

type Entry = { category: string; id: string; value: string | null };

export class MemoryStateStore implements EngineStateStore {
  readonly data = new Map<string, string>();
  /** Every `write` call, in order: one array per call. */
  readonly writes: Entry[][] = [];
  clears = 0;

  private static key(category: string, id: string): string {
    return `${category}\u0000${id}`;
  }

  async read(category: string, id: string): Promise<string | null> {
    return this.data.get(MemoryStateStore.key(category, id)) ?? null;
  }

  async readMany(category: string, ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of ids) {
      const value = this.data.get(MemoryStateStore.key(category, id));
      if (value !== undefined) found.set(id, value);
    }
    return found;
  }

  async list(category: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const [key, value] of this.data) {
      const [entryCategory, id] = key.split('\u0000') as [string, string];
      if (entryCategory === category) found.set(id, value);
    }
    return found;
  }

  async write(entries: Entry[]): Promise<void> {
    this.writes.push(entries.map((e) => ({ ...e })));
    for (const { category, id, value } of entries) {
      const key = MemoryStateStore.key(category, id);
      if (value === null) this.data.delete(key);
      else this.data.set(key, value);
    }
  }

  async clear(): Promise<void> {
    this.clears += 1;
    this.data.clear();
  }

  categories(): Set<string> {
    return new Set([...this.data.keys()].map((k) => k.split('\u0000')[0]!));
  }
}
