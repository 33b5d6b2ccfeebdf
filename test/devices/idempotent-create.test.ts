import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

describe('Idempotency-Key on POST /v1/devices', () => {
  it('a retry after a crash between the commit and the stored answer returns the same device', async ({
    t,
  }) => {
    const create = () =>
      t.request({
        method: 'POST',
        url: '/v1/devices',
        payload: { name: 'Front desk' },
        headers: { 'idempotency-key': 'dev-crash' },
      });
    const first = await create();
    expect(first.statusCode).toBe(201);
    // What a process killed right after the creating transaction leaves: a claim with no answer,
    // old enough for a retry to treat its holder as gone.
    await t.app.ctx.db
      .updateTable('idempotency_keys')
      .set({
        state: 'in_progress',
        response_status: null,
        response_body: null,
        created_at: new Date(Date.now() - 120_000).toISOString(),
      })
      .where('key', '=', 'dev-crash')
      .execute();
    const retry = await create();
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    const devices = await t.app.ctx.db
      .selectFrom('devices')
      .select('id')
      .where('workspace_id', '=', t.workspaceId)
      .execute();
    expect(devices).toHaveLength(1);
  });
});
