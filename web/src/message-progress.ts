import type { Message } from './api';

/**
 * How far a message has got. Live updates and reloads race (a receipt can arrive over the event
 * stream while a list or thread is loading, and the load then answers with the older status), so
 * whatever shows a message's status keeps the furthest one it has seen: never read → sent.
 */
const PROGRESS: Record<Message['status'], number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
  expired: 5,
  canceled: 5,
  received: 0,
};

/** The status further along of the two (`a` when `b` is unknown or not further). */
export const furthest = (a: Message['status'], b: Message['status'] | undefined): Message['status'] =>
  b !== undefined && PROGRESS[b] > PROGRESS[a] ? b : a;

/** `seen` (a live copy of the same message) if it is further along than `shown`, else `shown`. */
export const furtherMessage = (shown: Message, seen: Message | undefined): Message =>
  seen !== undefined && furthest(shown.status, seen.status) !== shown.status ? { ...shown, ...seen } : shown;
