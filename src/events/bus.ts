import type { WapingEvent } from './types.js';

/**
 * The bus's one topic map: each topic and the payload it carries. The platform declares its own
 * topic here; each feature adds its topics to this interface in its `topics.ts` (declaration
 * merging), so publishers and subscribers are typed end to end while the platform imports no
 * feature. docs/architecture.md lists every topic.
 */
export interface Topics {
  /** Every recorded event, published once its transaction committed (outbox.ts). */
  events: WapingEvent;
}

export type Topic = keyof Topics & string;
export type TopicListener<T extends Topic> = (payload: Topics[T]) => void;

/**
 * Fan-out of things that happened. One instance per app (AppContext.bus): in-process with
 * SQLite, across nodes through PostgreSQL LISTEN/NOTIFY otherwise. It carries wake-ups and live
 * updates only; everything on it is also in the database.
 */
export interface EventBus {
  publish<T extends Topic>(topic: T, payload: Topics[T]): void;
  /**
   * A wake-up that one listener anywhere is enough for (a line's dispatcher, which runs on one
   * node only): heard here alone when something on this node listens to it, sent to every node
   * otherwise. Like everything on the bus it only saves waiting for a poll.
   */
  wake<T extends Topic>(topic: T, payload: Topics[T]): void;
  subscribe<T extends Topic>(topic: T, listener: TopicListener<T>): () => void;
  close(): Promise<void>;
}
