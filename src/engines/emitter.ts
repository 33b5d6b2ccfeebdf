/**
 * A small typed event emitter for engines. Engine listeners belong to the device supervisor;
 * a bug in one of them must not tear down the connection that emitted the event, so every
 * listener call is isolated and its failure reported instead of thrown.
 */
type Listener<T> = (payload: T) => void;

export type ListenerErrorHandler<Events> = (err: unknown, event: keyof Events) => void;

export class TypedEmitter<Events extends object> {
  private readonly listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};

  constructor(private readonly onListenerError: ListenerErrorHandler<Events>) {}

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    const set = this.listeners[event] ?? new Set<Listener<Events[K]>>();
    set.add(listener);
    this.listeners[event] = set;
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    this.listeners[event]?.delete(listener);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners[event];
    if (!set) return;
    // A copy, so a listener that removes itself (or adds another) does not disturb this round.
    for (const listener of [...set]) {
      try {
        const result: unknown = listener(payload);
        // Async listeners type-check as `void` ones; catch their rejections too.
        if (result instanceof Promise) result.catch((err: unknown) => this.onListenerError(err, event));
      } catch (err) {
        this.onListenerError(err, event);
      }
    }
  }
}
