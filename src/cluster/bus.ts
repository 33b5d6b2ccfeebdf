import { EventEmitter } from 'node:events';

/**
 * Fan-out of things that happened (DESIGN.md §1). In-process by default; the PostgreSQL
 * implementation carries the same topics between nodes with LISTEN/NOTIFY.
 */
export interface EventBus {
  publish(topic: string, payload: unknown): void;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export class MemoryBus implements EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    // SSE clients each subscribe; hundreds of open dashboards are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }
  publish(topic: string, payload: unknown): void {
    this.emitter.emit(topic, payload);
  }
  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
