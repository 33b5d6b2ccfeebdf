import type { AppContext } from '../context.js';

/**
 * How long after the send a sealed text is kept at most. WhatsApp asks for a message again (to
 * re-encrypt it for another of the recipient's devices) while the recipient's devices catch up;
 * a message read by the recipient no longer needs it (its sealed text goes at `read`, see
 * status.ts), and one that was not read within a day is not going to be asked for.
 */
export const SEALED_BODY_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Erases the sealed text of messages handed to WhatsApp more than SEALED_BODY_TTL_MS ago and
 * still not read (`sent` or `delivered`). Messages waiting to be sent keep theirs. Returns how
 * many were erased. Safe on every node at once: erasing twice changes nothing.
 */
export async function eraseStaleSealedBodies(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - SEALED_BODY_TTL_MS).toISOString();
  const result = await ctx.db
    .updateTable('messages')
    .set({ sealed_body: null })
    .where('sealed_body', 'is not', null)
    .where('status', 'in', ['sent', 'delivered'])
    // When it was handed over: its `sent` entry, or `delivered` when the receipt beat the send's
    // own status update.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('message_status_history')
          .select('message_status_history.message_id')
          .whereRef('message_status_history.message_id', '=', 'messages.id')
          .where('message_status_history.status', 'in', ['sent', 'delivered'])
          .where('message_status_history.at', '<', cutoff),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Runs the sweep every `intervalMs`; `stop` clears the timer and waits for a run in progress. */
export function startSealedBodySweeper(ctx: AppContext, intervalMs = SWEEP_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = eraseStaleSealedBodies(ctx)
      .then((erased) => {
        if (erased > 0) ctx.log.info({ erased }, 'erased sealed texts of messages past 24 h');
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'sealed text sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
