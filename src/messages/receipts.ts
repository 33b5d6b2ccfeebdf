import type { AppContext } from '../context.js';
import { sql } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { decrypt, deriveKey } from '../lib/crypto.js';
import type { EngineEvents } from '../engines/engine.js';
import type { ReceivedRetry } from './received-retry.js';
import { announce, canMove, type MessageChange } from './status.js';
import { transitionAllInTransaction, type BatchedMove } from './status-batch.js';
import { findByWaId } from './store.js';
import type { MessageRow } from './tables.js';

type Receipt = EngineEvents['message_status'];

/** A receipt as the engine of a device reported it. */
export interface DeviceReceipt {
  deviceId: string;
  receipt: Receipt;
}

/** Applies a WhatsApp receipt to the message it belongs to; receipts for unknown ids are ignored. */
export async function applyReceipt(ctx: AppContext, deviceId: string, receipt: Receipt): Promise<void> {
  await applyReceipts(ctx, [{ deviceId, receipt }]);
}

/**
 * Applies receipts, in the order given, with one read of their messages and one transaction for
 * every move they make (the events with them). Receipts for unknown ids are ignored.
 */
export async function applyReceipts(ctx: AppContext, receipts: DeviceReceipt[]): Promise<void> {
  const messages = await findByWaIds(ctx.db, ctx.dialect, receipts);
  const moves = receipts.flatMap(({ deviceId, receipt }) => {
    const message = messages.get(messageKey(deviceId, receipt.waMessageId));
    if (!message) return [];
    // Already there or past it (WhatsApp's server ack for a message the dispatcher already marked
    // sent, a repeated receipt): nothing could change, so no transaction is opened for it. The row
    // read may be a moment old, but statuses only move forward, so a move refused now stays refused.
    const pending = message.status === 'queued' || message.status === 'sending';
    if (!pending && !canMove(message.status, receipt.status)) return [];
    return [{ message, receipt, pending }];
  });
  if (moves.length === 0) return;
  const deliveredHere = new Set<string>();
  const batch: BatchedMove[] = moves.flatMap(({ message, receipt, pending }): BatchedMove[] => {
    if (receipt.status === 'failed') {
      const errorMessage = receipt.error ?? 'WhatsApp reported the message as failed';
      return [{ messageId: message.id, status: 'failed', extra: { errorCode: 'SEND_FAILED', errorMessage } }];
    }
    // WhatsApp's receipt can come back before the dispatcher has recorded the hand-off (the send
    // call returns only after Baileys has stored its session keys): a delivered message was sent.
    const sentFirst: BatchedMove[] =
      pending && receipt.status !== 'sent' ? [{ messageId: message.id, status: 'sent' }] : [];
    if (receipt.status === 'delivered') deliveredHere.add(message.id);
    // And a read one was delivered: the read can be applied before its delivery (one tried again
    // after the database refused it, an engine that reports only the read), which then moves
    // nothing, and the timeline must still show it.
    const deliveredFirst: BatchedMove[] =
      receipt.status === 'read' && message.status !== 'delivered' && !deliveredHere.has(message.id)
        ? [{ messageId: message.id, status: 'delivered' }]
        : [];
    if (deliveredFirst.length > 0) deliveredHere.add(message.id);
    return [...sentFirst, ...deliveredFirst, { messageId: message.id, status: receipt.status }];
  });
  const changes = await ctx.db.transaction().execute((trx) => transitionAllInTransaction(ctx, trx, batch));
  announce(
    ctx,
    changes.filter((c): c is MessageChange => c !== undefined),
  );
}

const messageKey = (deviceId: string, waMessageId: string) => `${deviceId} ${waMessageId}`;

/**
 * The messages of these WhatsApp ids, whatever their device: the ids as one array parameter (a
 * PostgreSQL array; a JSON array read with json_each on SQLite), so the text is the same however
 * many there are and is compiled once.
 */
const messagesByWaIdsFor = {
  postgres: preparedQuery<{ waIds: string[] }, MessageRow>((db, a) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where(sql<boolean>`wa_message_id = any(${a.waIds}::text[])`),
  ),
  sqlite: preparedQuery<{ waIds: string }, MessageRow>((db, a) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where(sql<boolean>`wa_message_id in (select value from json_each(${a.waIds}))`),
  ),
};

/** The messages the receipts are for, by device and WhatsApp id: one statement. */
async function findByWaIds(
  db: DbOrTx,
  dialect: Dialect,
  receipts: DeviceReceipt[],
): Promise<Map<string, MessageRow>> {
  if (receipts.length === 1) {
    const { deviceId, receipt } = receipts[0]!;
    const row = await findByWaId(db, deviceId, receipt.waMessageId);
    return new Map(row ? [[messageKey(deviceId, receipt.waMessageId), row]] : []);
  }
  const waIds = [...new Set(receipts.map(({ receipt }) => receipt.waMessageId))];
  const { rows } =
    dialect === 'postgres'
      ? await messagesByWaIdsFor.postgres(db, { waIds })
      : await messagesByWaIdsFor.sqlite(db, { waIds: JSON.stringify(waIds) });
  // A receipt moves only a message of the device that reported it.
  const reported = new Set(
    receipts.map(({ deviceId, receipt }) => messageKey(deviceId, receipt.waMessageId)),
  );
  const found = new Map<string, MessageRow>();
  for (const row of rows) {
    const key = messageKey(row.device_id ?? '', row.wa_message_id ?? '');
    if (reported.has(key)) found.set(key, row);
  }
  return found;
}

/** Most receipts applied in one transaction. */
const MAX_BATCH = 100;

/**
 * Receipts reported in one turn of the event loop share one read and one transaction; those
 * reported while a batch is applied (by several devices: each device hands over its next ones,
 * together, only once its last were applied, see src/devices/receipt-queue.ts) wait and go in the
 * next. Each caller is answered once its receipt is committed. A batch that fails is applied
 * again one receipt at a time, so one bad receipt fails only its own caller.
 */
export class ReceiptBatcher {
  private pending: Array<DeviceReceipt & { done: (failure?: { err: unknown }) => void }> = [];
  private draining = false;

  constructor(
    private readonly ctx: AppContext,
    /** Where a receipt the database kept refusing is tried again, in the background. */
    private readonly retry?: ReceivedRetry,
  ) {}

  apply(deviceId: string, receipt: Receipt): Promise<void> {
    const applied = this.enqueue(deviceId, receipt);
    if (!this.draining) void this.drain();
    return applied;
  }

  /**
   * One device's receipts, in the order given: they go into the same batch (unless it is full),
   * so a burst costs one read and one transaction. Resolves with the errors of those that failed.
   */
  async applyAll(deviceId: string, receipts: Receipt[]): Promise<unknown[]> {
    const applied = receipts.map((receipt) => this.enqueue(deviceId, receipt));
    if (!this.draining) void this.drain();
    const settled = await Promise.allSettled(applied);
    return settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  }

  private enqueue(deviceId: string, receipt: Receipt): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({
        deviceId,
        receipt,
        done: (failure) => (failure ? reject(failure.err) : resolve()),
      });
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // A turn first, so the receipts reported with this one join it: applied at once, the first
      // of every burst went alone, and under load nearly every receipt was a transaction of its own.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) await this.applyBatch(this.pending.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  private async applyBatch(batch: typeof this.pending): Promise<void> {
    try {
      await applyReceipts(this.ctx, batch);
      for (const item of batch) item.done();
    } catch {
      for (const item of batch) {
        await this.applyOne(item).then(
          () => item.done(),
          (one: unknown) => this.later(item, one),
        );
      }
    }
  }

  /**
   * A receipt its quick tries could not apply (the database is down or refusing): tried again in
   * the background on ReceivedRetry's schedule, so the database coming back in minutes still
   * records it. Its caller is answered now, so that the device's later receipts are not held
   * behind it; a receipt that still fails is logged here. Without a retry it fails its caller.
   */
  private later(item: (typeof this.pending)[number], err: unknown): void {
    const { retry } = this;
    if (!retry) return item.done({ err });
    item.done();
    const context = { deviceId: item.deviceId, waMessageId: item.receipt.waMessageId };
    retry
      .run('applying a receipt', () => applyReceipt(this.ctx, item.deviceId, item.receipt), context)
      .catch((last: unknown) =>
        this.ctx.log.error({ err: last, ...context }, 'a receipt could not be applied'),
      );
  }

  /**
   * One receipt on its own, tried a few times: a transaction that loses a lock conflict with the
   * dispatcher's `sent` (PostgreSQL aborts one of two) must not lose the receipt, and applying one
   * again is harmless (a move already made is not made twice).
   */
  private async applyOne(item: DeviceReceipt): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await applyReceipt(this.ctx, item.deviceId, item.receipt);
      } catch (err) {
        if (attempt >= RECEIPT_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }
}

/** Quick tries of one receipt before it is tried again on ReceivedRetry's schedule. */
const RECEIPT_ATTEMPTS = 3;

/**
 * The text WhatsApp asks for to retry or re-encrypt a message we sent: the sealed text when there
 * is one. A masked message whose sealed text is gone gets no answer: its body is `••••••`, and a
 * recipient's device must never be handed that as the message.
 */
export async function messageTextForRetry(
  ctx: AppContext,
  deviceId: string,
  waMessageId: string,
): Promise<string | undefined> {
  const message = await findByWaId(ctx.db, deviceId, waMessageId);
  if (!message) return undefined;
  if (message.sealed_body)
    return decrypt(deriveKey(ctx.masterKey, 'message-bodies'), message.sealed_body, message.id);
  if (message.masked) return undefined;
  return message.body ?? undefined;
}
