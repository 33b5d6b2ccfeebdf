import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import type { EventBus, Topic, TopicListener, Topics } from './bus.js';

const CHANNEL = 'waping_bus';
// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger ones stay on this node.
const MAX_PAYLOAD = 7900;
/** Most notifications sent in one statement. */
const MAX_BATCH = 100;
/**
 * Least time from one NOTIFY statement to the next. Under load every request publishes, and a
 * round trip each would be one statement in seven of an accepted message; what is published
 * meanwhile shares the next statement. Events (webhook fan-out and live views on other nodes)
 * wait 20 ms at most; a wake-up for a line another node runs, which an accepted message waits
 * on, 5 ms. At 5 ms for both, a verification under load cost two NOTIFY statements of its 24.
 */
export const NOTIFY_INTERVALS = { eventsMs: 20, wakesMs: 5 };

/**
 * The bus across nodes sharing one PostgreSQL database: local listeners hear a publish at once,
 * other nodes through LISTEN/NOTIFY. Everything it carries is also in the database, so a missed
 * notification only delays work until the next poll; it never loses it.
 */
export class PgBus implements EventBus {
  private readonly local = new EventEmitter();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Notifications not sent yet: they go together, in one statement, when the one before returned. */
  private pending: string[] = [];
  /** A NOTIFY statement is on its way: what is published meanwhile waits for it and goes in the next. */
  private sending = false;
  /** A flush is scheduled (at the end of this turn, or once the interval has passed), at `flushAt`. */
  private cancelFlush: (() => void) | null = null;
  private flushAt = Infinity;
  /** A wake-up is pending: the next NOTIFY goes after the shorter interval. */
  private wakePending = false;
  private lastSentAt = -Infinity;

  constructor(
    private readonly url: string,
    private readonly nodeId: string,
    private readonly log: Logger,
    /** Sends these NOTIFYs, in this order, in one statement through the application's pool. */
    private readonly notify: (channel: string, payloads: string[]) => Promise<unknown>,
    private readonly intervals = NOTIFY_INTERVALS,
  ) {
    this.local.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => this.onNotification(msg.payload));
    client.on('error', (err) => {
      this.log.warn({ err }, 'event bus connection lost; reconnecting');
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    void this.client?.end().catch(() => undefined);
    this.client = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.start().catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }

  private onNotification(raw: string | undefined): void {
    if (!raw) return;
    try {
      const { origin, topic, payload } = JSON.parse(raw) as {
        origin: string;
        topic: string;
        payload: unknown;
      };
      if (origin !== this.nodeId) this.local.emit(topic, payload);
    } catch (err) {
      this.log.warn({ err }, 'unreadable bus notification');
    }
  }

  publish<T extends Topic>(topic: T, payload: Topics[T]): void {
    this.send(topic, payload, false);
  }

  wake<T extends Topic>(topic: T, payload: Topics[T]): void {
    // Heard here: no round trip to PostgreSQL (one statement per accepted message otherwise).
    if (this.local.listenerCount(topic) > 0) this.local.emit(topic, payload);
    else this.send(topic, payload, true);
  }

  private send<T extends Topic>(topic: T, payload: Topics[T], wake: boolean): void {
    this.local.emit(topic, payload);
    const text = JSON.stringify({ origin: this.nodeId, topic, payload });
    if (this.closed || Buffer.byteLength(text) > MAX_PAYLOAD) return;
    // A status change publishes two or three notifications and a hand-off several, and under load
    // every request one: one round trip for all those of a turn, and for all those published
    // while the previous statement was on its way or less than an interval ago, instead of one
    // each. One statement at a time also keeps them in order across statements (PostgreSQL
    // delivers a statement's in order).
    this.pending.push(text);
    if (wake) this.wakePending = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.sending || this.closed || this.pending.length === 0) return;
    const interval = this.wakePending ? this.intervals.wakesMs : this.intervals.eventsMs;
    const now = performance.now();
    const at = Math.max(now, this.lastSentAt + interval);
    // Scheduled already, as soon or sooner (a wake-up brings a later flush forward).
    if (this.cancelFlush && this.flushAt <= at) return;
    this.cancelFlush?.();
    this.flushAt = at;
    const run = () => {
      this.cancelFlush = null;
      this.flushAt = Infinity;
      this.flush();
    };
    if (at > now) {
      const timer = setTimeout(run, at - now);
      this.cancelFlush = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(run);
      this.cancelFlush = () => clearImmediate(immediate);
    }
  }

  private flush(): void {
    if (this.sending || this.closed) return;
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    // A wake-up left behind (more than MAX_BATCH pending) still goes after the shorter interval.
    if (this.pending.length === 0) this.wakePending = false;
    this.sending = true;
    this.lastSentAt = performance.now();
    this.notify(CHANNEL, batch)
      .catch((err: unknown) => {
        if (!this.closed) this.log.warn({ err }, 'bus notify failed');
      })
      .finally(() => {
        this.sending = false;
        this.scheduleFlush();
      });
  }

  subscribe<T extends Topic>(topic: T, listener: TopicListener<T>): () => void {
    this.local.on(topic, listener);
    return () => this.local.off(topic, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.cancelFlush?.();
    this.local.removeAllListeners();
    await this.client?.end().catch(() => undefined);
  }
}
