import type { AppContext } from '../context.js';
import { upsertContact } from '../contacts/store.js';
import type { ClaimedContact } from './claim.js';
import { announce, type MessageChange } from './status.js';
import { transitionAllInTransaction } from './status-batch.js';
import type { MessageRow } from './tables.js';

/** Most hand-offs written in one transaction. */
const MAX_BATCH = 100;
/** Tries of one batch before it is given up (its messages stay `sending`, see below). */
const ATTEMPTS = 3;

interface HandOff {
  message: MessageRow;
  /** When WhatsApp took it: the `sent` entry's time, however long the write waits. */
  at: Date;
  /** The number's WhatsApp lookup made for this hand-off, stored on its contact. */
  lookup?: ClaimedContact;
}

/**
 * Writes a device's hand-offs as `sent` (with the event, and the contact's last device) beside its
 * dispatcher, which claims and hands off the next message meanwhile instead of waiting for this
 * transaction. Hand-offs made while one write runs go together in the next: one transaction for a
 * burst. Nothing is lost if the process dies first: a message left `sending` is handed off again
 * with the same WhatsApp id when its line next starts (WhatsApp and the sandbox take it once),
 * and a receipt that comes first moves it past `sent` itself (receipts.ts).
 */
export class SentRecorder {
  private waiting: HandOff[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly deviceId: string,
  ) {}

  record(message: MessageRow, at: Date, lookup?: ClaimedContact): void {
    this.waiting.push({ message, at, lookup });
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
  }

  /** Resolves once every hand-off recorded so far is written (or given up). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.write(this.waiting.splice(0, MAX_BATCH));
  }

  private async write(batch: HandOff[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        announce(this.ctx, await this.writeOnce(batch));
        return;
      } catch (err) {
        if (attempt >= ATTEMPTS) {
          // Left `sending`: its receipts still move it on, and a restart hands it off again.
          this.ctx.log.error(
            { err, deviceId: this.deviceId, messageIds: batch.map((h) => h.message.id) },
            'recording sent messages failed',
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  private writeOnce(batch: HandOff[]): Promise<MessageChange[]> {
    // The contacts of the batch, each once, in phone order: two devices' writes touching the same
    // contacts lock them in the same order and cannot deadlock.
    // A lookup made for an earlier hand-off to the same number is kept.
    const contacts = new Map<string, HandOff>();
    for (const handOff of batch) {
      const key = `${handOff.message.workspace_id} ${handOff.message.phone}`;
      const lookup = handOff.lookup ?? contacts.get(key)?.lookup;
      contacts.set(key, { ...handOff, lookup });
    }
    const byPhone = [...contacts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return this.ctx.db.transaction().execute(async (trx) => {
      const moves = batch.map(({ message, at }) => ({
        messageId: message.id,
        status: 'sent' as const,
        extra: { at },
      }));
      const made = (await transitionAllInTransaction(this.ctx, trx, moves)).filter(
        (change): change is MessageChange => change !== undefined,
      );
      for (const [, { message, at, lookup }] of byPhone)
        await upsertContact(
          trx,
          message.workspace_id,
          message.phone,
          { last_device_id: this.deviceId, ...lookup },
          at,
        );
      return made;
    });
  }
}
