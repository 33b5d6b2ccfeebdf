/**
 * Everything the protocol server received, sent and decided, one line per entry, so tests can
 * assert on the wire (`wa.log.find(...)`) and a failure can be read afterwards (`wa.log.text()`).
 *
 * Stanzas are rendered as tags and attributes only; binary content (ciphertext, keys, signatures)
 * is shown as its length. The log itself therefore never holds key material, which lets a test
 * search it for leaked keys without tripping over the server's own lines.
 */
import type { BinaryNode } from 'baileys';

export interface LogEntry {
  at: number;
  /** `in` from a client, `out` to a client, `event` a decision of the server. */
  kind: 'in' | 'out' | 'event';
  /** Which connection or simulated party the line is about (`conn#3`, `contact:1555…`). */
  who: string;
  text: string;
  node?: BinaryNode;
}

export function renderNode(node: BinaryNode, depth = 0): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${String(v)}"`)
    .join('');
  const { content } = node;
  if (content === undefined || content === null) return `<${node.tag}${attrs}/>`;
  if (typeof content === 'string') return `<${node.tag}${attrs}>${content}</${node.tag}>`;
  if (content instanceof Uint8Array) return `<${node.tag}${attrs}>[${content.length} bytes]</${node.tag}>`;
  if (depth > 6) return `<${node.tag}${attrs}>…</${node.tag}>`;
  return `<${node.tag}${attrs}>${content.map((child) => renderNode(child, depth + 1)).join('')}</${node.tag}>`;
}

export class WaServerLog {
  readonly entries: LogEntry[] = [];
  private readonly waiters = new Set<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }>();

  constructor(private readonly echo = process.env.WA_SERVER_LOG === '1') {}

  add(kind: LogEntry['kind'], who: string, text: string, node?: BinaryNode): void {
    const entry: LogEntry = { at: Date.now(), kind, who, text, ...(node ? { node } : {}) };
    this.entries.push(entry);
    // eslint-disable-next-line no-console -- opt-in trace for debugging the server itself
    if (this.echo) console.log(`[wa-server] ${kind} ${who} ${text}`);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(entry)) {
        this.waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  node(kind: 'in' | 'out', who: string, node: BinaryNode): void {
    this.add(kind, who, renderNode(node), node);
  }

  event(who: string, text: string): void {
    this.add('event', who, text);
  }

  /** Entries (optionally only those after index `from`) that match. */
  find(match: (e: LogEntry) => boolean, from = 0): LogEntry[] {
    return this.entries.slice(from).filter(match);
  }

  /** Resolves with the first entry from now on (or already logged after `from`) that matches. */
  waitFor(match: (e: LogEntry) => boolean, timeoutMs = 20_000, from?: number): Promise<LogEntry> {
    if (from !== undefined) {
      const seen = this.find(match, from)[0];
      if (seen) return Promise.resolve(seen);
    }
    // Created here so a timeout points at the caller, not at the timer.
    const error = new Error(`wa-server: nothing matched within ${timeoutMs} ms`);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (e: LogEntry) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        error.message += `\n${this.tail(40)}`;
        reject(error);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The whole log as text, one entry a line. */
  text(): string {
    return this.entries.map((e) => `${new Date(e.at).toISOString()} ${e.kind} ${e.who} ${e.text}`).join('\n');
  }

  tail(n: number): string {
    return this.entries
      .slice(-n)
      .map((e) => `${e.kind} ${e.who} ${e.text}`)
      .join('\n');
  }

  get length(): number {
    return this.entries.length;
  }
}
