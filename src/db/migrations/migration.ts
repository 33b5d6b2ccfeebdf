import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

export interface Migration {
  // Kysely<any>: a migration is frozen in time and must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}
