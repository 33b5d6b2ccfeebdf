import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { databaseBefore } from '../helpers/migration-before.js';

const MIGRATION = '0026_one_pending_verification';
const opened = databaseBefore(MIGRATION);

const at = '2026-11-30T10:00:00.000Z';
const verification = (id: string, workspace: string, phone: string, status: string) => ({
  id,
  workspace_id: workspace,
  phone,
  email: null,
  status,
  channels: '["whatsapp"]',
  route: '["whatsapp"]',
  route_index: 0,
  attempt_state: 'waiting',
  attempt_message_id: null,
  attempt_deadline: at,
  send_attempts: '[]',
  device_id: null,
  template_id: null,
  locale: 'en',
  code_length: 6,
  channel_timeout_seconds: 30,
  code_hash: `hash-${id}`,
  sealed_code: status === 'pending' ? `sealed-${id}` : null,
  check_attempts: 0,
  version: 0,
  failure_reason: null,
  expires_at: at,
  approved_at: null,
  created_at: at,
  updated_at: at,
});

describe('one pending verification per number', () => {
  it('supersedes all but the newest pending verification of a number, then holds one per number', async () => {
    const { before, handle } = opened();
    for (const id of ['ws_a', 'ws_b'])
      await before
        .insertInto('workspaces')
        .values({ id, name: id, plan: 'selfhosted', settings: '{}', created_at: at, updated_at: at })
        .execute();
    await before
      .insertInto('verifications')
      .values([
        verification('ver_1', 'ws_a', '+15550000001', 'pending'),
        verification('ver_2', 'ws_a', '+15550000001', 'approved'),
        verification('ver_3', 'ws_a', '+15550000001', 'pending'),
        verification('ver_4', 'ws_a', '+15550000001', 'pending'),
        verification('ver_5', 'ws_a', '+15550000002', 'pending'),
        verification('ver_6', 'ws_b', '+15550000001', 'pending'),
      ])
      .execute();

    expect(await migrateToLatest(handle.db, handle.dialect)).toEqual([MIGRATION]);

    const rows = await handle.db
      .selectFrom('verifications')
      .select(['id', 'status', 'failure_reason', 'sealed_code', 'attempt_deadline'])
      .orderBy('id')
      .execute();
    const superseded = {
      status: 'canceled',
      failure_reason: 'superseded',
      sealed_code: null,
      attempt_deadline: null,
    };
    expect(rows).toEqual([
      { id: 'ver_1', ...superseded },
      { id: 'ver_2', status: 'approved', failure_reason: null, sealed_code: null, attempt_deadline: at },
      { id: 'ver_3', ...superseded },
      {
        id: 'ver_4',
        status: 'pending',
        failure_reason: null,
        sealed_code: 'sealed-ver_4',
        attempt_deadline: at,
      },
      {
        id: 'ver_5',
        status: 'pending',
        failure_reason: null,
        sealed_code: 'sealed-ver_5',
        attempt_deadline: at,
      },
      {
        id: 'ver_6',
        status: 'pending',
        failure_reason: null,
        sealed_code: 'sealed-ver_6',
        attempt_deadline: at,
      },
    ]);

    await expect(
      before
        .insertInto('verifications')
        .values(verification('ver_7', 'ws_a', '+15550000002', 'pending'))
        .execute(),
    ).rejects.toThrow(/unique/i);
    await before
      .insertInto('verifications')
      .values(verification('ver_8', 'ws_a', '+15550000002', 'expired'))
      .execute();
  });
});
