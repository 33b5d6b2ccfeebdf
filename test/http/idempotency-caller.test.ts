import { describe, expect } from 'vitest';
import { createKey } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { setupOwner } from '../dashboard/session.js';

const it = appTest();

const createCiKey = (idempotencyKey: string) => ({
  method: 'POST' as const,
  url: '/v1/api-keys',
  payload: { name: 'ci' },
  headers: { 'idempotency-key': idempotencyKey },
});

// A stored answer was replayed to anyone in the workspace who sent the same key and body: an
// API key with the `admin` scope only got the owner's new all-scope key, secret included. A
// stored answer is now replayed only to the caller that made it; another caller is refused.
describe('an Idempotency-Key used by another caller', () => {
  it('is refused, not answered with the first caller’s stored response', async ({ t }) => {
    const owner = await setupOwner(t);
    const first = await owner.request(createCiKey('create-ci-key-1'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ apiKey: { scopes: string[] } }>().apiKey.scopes).toHaveLength(5);

    const adminOnly = await createKey(t, ['admin']);
    const other = await t.request({ ...createCiKey('create-ci-key-1'), key: adminOnly });
    expect(other.statusCode, other.body).toBe(409);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const { error } = other.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(error.message).toMatch(/another caller/);
    expect(other.body).not.toContain(first.json<{ key: string }>().key);

    // The caller that made it still gets its answer again.
    const again = await owner.request(createCiKey('create-ci-key-1'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('is refused between two API keys of one workspace, and the second key’s own retry still works', async ({
    t,
  }) => {
    const first = await t.request(createCiKey('create-ci-key-2'));
    expect(first.statusCode).toBe(201);
    const adminOnly = await createKey(t, ['admin']);
    const other = await t.request({ ...createCiKey('create-ci-key-2'), key: adminOnly });
    expect(other.statusCode).toBe(409);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('IDEMPOTENCY_CONFLICT');

    const own = await t.request({ ...createCiKey('create-ci-key-3'), key: adminOnly });
    expect(own.statusCode).toBe(201);
    expect(own.json<{ apiKey: { scopes: string[] } }>().apiKey.scopes).toEqual(['admin']);
    const ownAgain = await t.request({ ...createCiKey('create-ci-key-3'), key: adminOnly });
    expect(ownAgain.headers['idempotent-replayed']).toBe('true');
    expect(ownAgain.json()).toEqual(own.json());
  });
});
