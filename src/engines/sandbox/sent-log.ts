import type { EngineStateStore } from '../engine.js';
import type { SandboxMedia } from './inbox.js';
import type { SandboxReceipt } from './magic-numbers.js';

/**
 * What a sandbox device keeps in its durable state for each message it handed to a simulated
 * recipient, so the recipient's receipts survive a crash of the server: on its next start the
 * engine reports every receipt that fell due while it was down, and the rest on schedule.
 */
export interface SentRecord {
  from: string;
  to: string;
  text: string;
  /** When the receipts' clock started, in ms since the epoch. */
  sentAt: number;
  /** The receipt the recipient had already reached when this hand-off began (a retried hand-off). */
  after?: SandboxReceipt;
  /** What the recipient got when the message carried a file (its description, not its bytes). */
  media?: SandboxMedia;
}

const CATEGORY = 'sandbox-sent';
const RECEIPTS: ReadonlySet<string> = new Set(['sent', 'delivered', 'read']);

export class SentLog {
  constructor(private readonly state: EngineStateStore) {}

  /** Several records in one write (one statement for a burst of hand-offs). */
  async rememberAll(records: Array<{ waMessageId: string; record: SentRecord }>): Promise<void> {
    await this.state.write(
      records.map(({ waMessageId, record }) => ({
        category: CATEGORY,
        id: waMessageId,
        value: JSON.stringify(record),
      })),
    );
  }

  async forget(waMessageIds: string[]): Promise<void> {
    await this.state.write(waMessageIds.map((id) => ({ category: CATEGORY, id, value: null })));
  }

  /** Every remembered message, oldest hand-off first; unreadable records are dropped. */
  async all(): Promise<Array<{ waMessageId: string; record: SentRecord }>> {
    const found: Array<{ waMessageId: string; record: SentRecord }> = [];
    const unreadable: string[] = [];
    for (const [waMessageId, raw] of await this.state.list(CATEGORY)) {
      const record = parse(raw);
      if (record) found.push({ waMessageId, record });
      else unreadable.push(waMessageId);
    }
    if (unreadable.length > 0) await this.forget(unreadable);
    return found.sort((a, b) => a.record.sentAt - b.record.sentAt);
  }
}

function parse(raw: string): SentRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.from !== 'string' || typeof r.to !== 'string' || typeof r.text !== 'string') return undefined;
  if (typeof r.sentAt !== 'number' || !Number.isFinite(r.sentAt)) return undefined;
  const record: SentRecord = { from: r.from, to: r.to, text: r.text, sentAt: r.sentAt };
  if (typeof r.after === 'string' && RECEIPTS.has(r.after)) record.after = r.after as SandboxReceipt;
  if (typeof r.media === 'object' && r.media !== null) record.media = r.media as SandboxMedia;
  return record;
}
