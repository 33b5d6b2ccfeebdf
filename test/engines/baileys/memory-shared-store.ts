/** An in-memory EngineSharedStore, shared by the engines a test builds on it. */
import type { EngineSharedStore } from '../../../src/engines/engine.js';

export class MemorySharedStore implements EngineSharedStore {
  readonly data = new Map<string, string>();
  writes = 0;
  failReads = false;

  async read(key: string): Promise<string | null> {
    if (this.failReads) throw new Error('database unavailable');
    return this.data.get(key) ?? null;
  }

  async write(key: string, value: string): Promise<void> {
    this.writes += 1;
    this.data.set(key, value);
  }
}
