import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { preparedQuery } from '../../src/db/prepared.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  db = await createTestDatabase();
  handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await migrateToLatest(handle.db, handle.dialect);
});
afterAll(async () => {
  await handle.destroy();
  await db.drop();
});

describe('prepared queries', () => {
  it('are built once and bind each call its own arguments, a repeated one in every place', async () => {
    let builds = 0;
    const insert = preparedQuery<{ workspaceId: string; period: string; sent: number }, never>((qb, a) => {
      builds += 1;
      return qb
        .insertInto('usage_counters')
        .values({ workspace_id: a.workspaceId, period: a.period, messages_sent: a.sent, verifications: 7 });
    });
    const find = preparedQuery<{ workspaceId: string; period: string }, { period: string; total: number }>(
      (qb, a) => {
        builds += 1;
        return qb
          .selectFrom('usage_counters')
          .select(['period', 'messages_sent as total'])
          .where('workspace_id', '=', a.workspaceId)
          .where((eb) => eb.or([eb('period', '=', a.period), eb('workspace_id', '=', a.period)]))
          .orderBy('period');
      },
    );
    const now = new Date().toISOString();
    await handle.db
      .insertInto('workspaces')
      .values({
        id: 'wsp_prepared',
        name: 'prepared',
        plan: 'pro',
        settings: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insert(handle.db, { workspaceId: 'wsp_prepared', period: '2026-01', sent: 1 });
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, { workspaceId: 'wsp_prepared', period: '2026-02', sent: 2 });
    });
    expect(builds).toBe(1);

    expect((await find(handle.db, { workspaceId: 'wsp_prepared', period: '2026-02' })).rows).toEqual([
      { period: '2026-02', total: 2 },
    ]);
    expect((await find(handle.db, { workspaceId: 'wsp_prepared', period: '2026-01' })).rows).toEqual([
      { period: '2026-01', total: 1 },
    ]);
    expect(builds).toBe(2);
    const constant = await handle.db
      .selectFrom('usage_counters')
      .select('verifications')
      .where('workspace_id', '=', 'wsp_prepared')
      .execute();
    expect(constant).toEqual([{ verifications: 7 }, { verifications: 7 }]);
  });

  it('refuse a call that leaves an argument out instead of binding nothing', async () => {
    const find = preparedQuery<{ workspaceId: string }, { id: string }>((qb, a) =>
      qb.selectFrom('workspaces').select('id').where('id', '=', a.workspaceId),
    );
    await expect(find(handle.db, {} as { workspaceId: string })).rejects.toThrow(
      'no value for "workspaceId"',
    );
  });
});
