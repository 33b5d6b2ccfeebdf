import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { databaseBefore } from '../helpers/migration-before.js';

const MIGRATION = '0021_verification_limit_counts';
const opened = databaseBefore(MIGRATION);

describe('moving limit actions to counts per second', () => {
  it('carries the last hour over, one count per second, and drops the older actions', async () => {
    const { before, handle } = opened();
    const now = Date.now();
    const second = Math.floor(now / 1000) * 1000 - 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await before
      .insertInto('workspaces')
      .values({
        id: 'ws_m',
        name: 'm',
        plan: 'selfhosted',
        settings: '{}',
        created_at: iso(now),
        updated_at: iso(now),
      })
      .execute();
    const action = (id: string, kind: string, subject: string, at: number) => ({
      id,
      workspace_id: 'ws_m',
      kind,
      subject,
      at: iso(at),
    });
    await before
      .insertInto('verification_limits')
      .values([
        action('a1', 'create', 'ws_m', second + 100),
        action('a2', 'create', 'ws_m', second + 900),
        action('a3', 'create', 'ws_m', second + 1_000),
        action('a4', 'send', '+15550001111', second + 100),
        action('old', 'send', '+15550001111', now - 2 * 3600 * 1000),
      ])
      .execute();

    expect(await migrateToLatest(handle.db, handle.dialect)).toEqual([MIGRATION]);

    const counts = await handle.db
      .selectFrom('verification_limit_counts')
      .select(['kind', 'subject', 'second', 'count'])
      .orderBy('kind')
      .orderBy('second')
      .execute();
    expect(counts).toEqual([
      { kind: 'create', subject: 'ws_m', second: iso(second), count: 2 },
      { kind: 'create', subject: 'ws_m', second: iso(second + 1_000), count: 1 },
      { kind: 'send', subject: '+15550001111', second: iso(second), count: 1 },
    ]);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('verification_limits');
  });
});
