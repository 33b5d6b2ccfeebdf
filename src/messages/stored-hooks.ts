import type { Transaction } from 'kysely';
import type { Database } from '../db/types.js';
import type { MessageRow } from './tables.js';

/** What a hook wants done once the message's transaction committed (publish its events). */
export type AfterCommit = () => void;

/**
 * Work a feature above messages does in the transaction that stores a new message, inbound or
 * accepted for sending (the inbox files it into its conversation). Throwing rolls the message back.
 * It may run before the message's own row is written (an accepted message is written last, with
 * its quota count): a hook takes what it needs from the row it is given, not from the table.
 */
export type MessageStoredHook = (trx: Transaction<Database>, row: MessageRow) => Promise<AfterCommit | void>;

/**
 * The hooks of one app (per app, not per process, like the event outbox's fan-out): the
 * composition root adds them, the messages feature runs them without knowing who they are.
 */
export class MessageStoredHooks {
  private readonly hooks: MessageStoredHook[] = [];

  add(hook: MessageStoredHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  /** Runs every hook in the caller's transaction; call the result after the commit. */
  async run(trx: Transaction<Database>, row: MessageRow): Promise<AfterCommit> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const then = await hook(trx, row);
      if (then) after.push(then);
    }
    return () => {
      for (const then of after) then();
    };
  }
}
