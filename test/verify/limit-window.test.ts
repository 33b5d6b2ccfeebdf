import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { AppError } from '../../src/lib/errors.js';
import { reserve, type LimitRule } from '../../src/verify/limits.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let testDb: TestDatabase;
let handle: DatabaseHandle;
const WORKSPACE = 'ws_limits';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

beforeAll(async () => {
  testDb = await createTestDatabase();
  handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  await migrateToLatest(handle.db, handle.dialect);
  await handle.db
    .insertInto('workspaces')
    .values({
      id: WORKSPACE,
      name: 'limits',
      plan: 'selfhosted',
      settings: '{}',
      created_at: at(0).toISOString(),
      updated_at: at(0).toISOString(),
    })
    .execute();
});
afterAll(async () => {
  await handle.destroy();
  await testDb.drop();
});

const rule = (limit: number, windowSeconds: number): LimitRule => ({
  kind: 'send',
  limit,
  windowSeconds,
  describe: 'Too many',
});

async function refusal(subject: string, limitRule: LimitRule, now: Date): Promise<AppError> {
  const err: unknown = await reserve(handle.db, WORKSPACE, subject, limitRule, now).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

const countsOf = (subject: string) =>
  handle.db
    .selectFrom('verification_limit_counts')
    .select(['second', 'count'])
    .where('workspace_id', '=', WORKSPACE)
    .where('subject', '=', subject)
    .execute();
const counted = async (subject: string) =>
  (await countsOf(subject)).reduce((n, row) => n + Number(row.count), 0);

describe('a limit window', () => {
  it('allows `limit` actions, refuses the next until the oldest of them leaves the window', async () => {
    const r = rule(3, 60);
    await reserve(handle.db, WORKSPACE, 'a', r, at(0));
    await reserve(handle.db, WORKSPACE, 'a', r, at(10));
    await reserve(handle.db, WORKSPACE, 'a', r, at(20));
    const refused = await refusal('a', r, at(25));
    expect(refused.code).toBe('RATE_LIMITED');
    // The action at 0 s leaves the window at 60 s: 35 s after 25 s.
    expect(refused.retryAfterSeconds).toBe(35);
    expect(refused.details).toMatchObject({ limit: 3, windowSeconds: 60, retryAfterSeconds: 35 });
    // A refused attempt is not counted, so it does not extend the wait.
    expect(await counted('a')).toBe(3);
    expect((await refusal('a', r, at(59))).retryAfterSeconds).toBe(1);
    // At 61 s the first action is out: one slot, and then the one at 10 s decides.
    await reserve(handle.db, WORKSPACE, 'a', r, at(61));
    expect((await refusal('a', r, at(62))).retryAfterSeconds).toBe(8);
  });

  it('counts only its own kind and subject', async () => {
    const r = rule(1, 60);
    await reserve(handle.db, WORKSPACE, 'b', r, at(0));
    await reserve(handle.db, WORKSPACE, 'c', r, at(0));
    await reserve(handle.db, WORKSPACE, 'b', { ...r, kind: 'failed_check' }, at(0));
    expect((await refusal('b', r, at(1))).retryAfterSeconds).toBe(59);
  });

  it('holds at a high ceiling with the window full, and a release frees a slot', async () => {
    const r = rule(600, 60);
    // 599 actions over the last 30 s, the oldest 20 at 1 s.
    await handle.db
      .insertInto('verification_limit_counts')
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          workspace_id: WORKSPACE,
          kind: 'send' as const,
          subject: 'd',
          second: at(1 + i).toISOString(),
          count: i === 29 ? 19 : 20,
        })),
      )
      .execute();
    const last = await reserve(handle.db, WORKSPACE, 'd', r, at(31));
    expect((await refusal('d', r, at(31))).retryAfterSeconds).toBe(30);
    await last.release();
    await reserve(handle.db, WORKSPACE, 'd', r, at(31));
    expect(await counted('d')).toBe(600);
  });

  it('keeps one count per second, however many actions the second holds', async () => {
    const r = rule(10_000, 60);
    for (let i = 0; i < 500; i++) await reserve(handle.db, WORKSPACE, 'e', r, new Date(T0 + 2000 + i));
    await reserve(handle.db, WORKSPACE, 'e', r, new Date(T0 + 3999));
    expect(await countsOf('e')).toEqual([
      { second: at(2).toISOString(), count: 500 },
      { second: at(3).toISOString(), count: 1 },
    ]);
  });

  it('counts an action from the start of its second', async () => {
    const r = rule(2, 10);
    await reserve(handle.db, WORKSPACE, 'f', r, new Date(T0 + 700));
    await reserve(handle.db, WORKSPACE, 'f', r, new Date(T0 + 5_000));
    // At 9.9 s the action at 0.7 s is in the window, counted as at 0 s: it leaves at 10 s.
    expect((await refusal('f', r, new Date(T0 + 9_900))).retryAfterSeconds).toBe(1);
    await reserve(handle.db, WORKSPACE, 'f', r, new Date(T0 + 10_000));
    expect(await counted('f')).toBe(3);
  });
});
