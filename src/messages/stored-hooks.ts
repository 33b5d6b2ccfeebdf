import type { Compilable, QueryCreator, Transaction } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { Database } from '../db/types.js';
import type { MessageRow } from './tables.js';

/** What a hook wants done once the message's transaction committed (publish its events). */
export type AfterCommit = () => void;

/**
 * The same work as a hook's `run`, for a message accepted for sending on PostgreSQL, split around
 * the accept's one statement: `build` is a data-modifying part of that statement (the round trip
 * a statement of its own would cost is most of what the work costs there), and `finish` completes
 * the work in the transaction with the one row the part returned.
 */
export interface AcceptedPart<Args extends object> {
  /** The part's arguments for one message. */
  args(row: MessageRow, now: Date): Args;
  /**
   * The part, built once from placeholders for its arguments (as for a prepared query): a
   * data-modifying query whose `returning` gives the row `finish` reads, with a boolean `pending`
   * that is true when `finish` will write more. A statement committed alone cannot wait for
   * that, so it undoes itself and the message is stored in a transaction instead.
   */
  build(db: QueryCreator<Database>, args: Args): Compilable<Record<string, unknown>>;
  /**
   * True when, with these arguments, the statement does all of the part's work whatever it finds:
   * the message may then be stored by the statement alone even for a number not seen lately.
   */
  settlesAlone?(args: Args): boolean;
  /**
   * Runs once the statement ran, with what the part returned: in the statement's transaction, or
   * on the database when the statement committed alone, which it does only when the part said it
   * has nothing `pending` (`finish` then writes nothing).
   */
  finish(
    db: DbOrTx,
    row: MessageRow,
    args: Args,
    returned: Record<string, unknown>,
  ): Promise<AfterCommit | void>;
}

/**
 * Work a feature above messages does in the transaction that stores a new message, inbound or
 * accepted for sending (the inbox files it into its conversation). Throwing rolls the message back.
 * It may run before the message's own row is written (an accepted message is written last): a
 * hook takes what it needs from the row it is given, not from the table.
 */
export interface MessageStoredHook {
  run(trx: Transaction<Database>, row: MessageRow): Promise<AfterCommit | void>;
  /** The same work for an accepted message as part of the accept's statement on PostgreSQL. */
  accepted?: AcceptedPart<object>;
}

/** Calls every AfterCommit of a list, in order. */
export function everyAfterCommit(after: AfterCommit[]): AfterCommit {
  return () => {
    for (const then of after) then();
  };
}

/**
 * The hooks of one app (per app, not per process, like the event outbox's fan-out): the
 * composition root adds them, the messages feature runs them without knowing who they are.
 */
export class MessageStoredHooks {
  private hooks: readonly MessageStoredHook[] = [];

  add(hook: MessageStoredHook): void {
    // A new list, not a change to the old one: accept-store.ts builds its statement per list.
    if (!this.hooks.includes(hook)) this.hooks = [...this.hooks, hook];
  }

  /** The hooks, in the order they were added (the same list until one is added). */
  all(): readonly MessageStoredHook[] {
    return this.hooks;
  }

  /** Runs every hook in the caller's transaction; call the result after the commit. */
  async run(trx: Transaction<Database>, row: MessageRow): Promise<AfterCommit> {
    const after: AfterCommit[] = [];
    for (const hook of this.hooks) {
      const then = await hook.run(trx, row);
      if (then) after.push(then);
    }
    return everyAfterCommit(after);
  }
}
