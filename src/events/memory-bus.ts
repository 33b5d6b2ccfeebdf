import { EventEmitter } from 'node:events';
import type { EventBus, Topic, TopicListener, Topics } from './bus.js';

/** The bus inside one process: what a SQLite server (one process) uses. */
export class MemoryBus implements EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    // SSE clients each subscribe; hundreds of open dashboards are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }
  publish<T extends Topic>(topic: T, payload: Topics[T]): void {
    this.emitter.emit(topic, payload);
  }
  wake<T extends Topic>(topic: T, payload: Topics[T]): void {
    this.emitter.emit(topic, payload);
  }
  subscribe<T extends Topic>(topic: T, listener: TopicListener<T>): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
