import type { Logger } from 'pino';
import type { EventBus } from './events/bus.js';
import type { EventOutbox } from './events/outbox.js';
import type { Config } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { Clock } from './lib/time.js';
import type { MessageStoredHooks } from './messages/stored-hooks.js';
import type { PlanCatalog } from './workspaces/plans.js';

/** What services need from the process: handed to feature services and routes (no globals). */
export interface AppContext {
  config: Config;
  db: Db;
  /** The database for work beside the requests (see DatabaseHandle.background); `db` on SQLite. */
  backgroundDb: Db;
  dialect: Dialect;
  log: Logger;
  clock: Clock;
  plans: PlanCatalog;
  masterKey: Buffer;
  nodeId: string;
  bus: EventBus;
  /** Records events in the caller's transaction and publishes them after the commit. */
  events: EventOutbox;
  /** Run in the transaction that stores each new message (features above messages add theirs). */
  messageStored: MessageStoredHooks;
}
