import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();
const JSON_TYPE = { 'content-type': 'application/json' };

// Many HTTP clients send `Content-Type: application/json` on every request, whether or not it
// has a body. An operation that takes no body answers such a request as it answers one without
// the header; an operation that needs a body says which.
describe('an empty body sent as JSON', () => {
  it('is no body for an operation that takes none', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } });
    expect(created.statusCode).toBe(201);
    const device = created.json() as { id: string };

    const connect = await t.request({
      method: 'POST',
      url: `/v1/devices/${device.id}/connect`,
      headers: JSON_TYPE,
      payload: '',
    });
    expect(connect.statusCode).toBe(200);
    expect((connect.json() as { id: string }).id).toBe(device.id);

    const key = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'short-lived' } });
    expect(key.statusCode).toBe(201);
    const revoked = await t.request({
      method: 'DELETE',
      url: `/v1/api-keys/${(key.json() as { apiKey: { id: string } }).apiKey.id}`,
      headers: JSON_TYPE,
      payload: '',
    });
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();

    const removed = await t.request({
      method: 'DELETE',
      url: `/v1/devices/${device.id}`,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: '',
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/v1/devices/${device.id}` })).statusCode).toBe(404);
  });

  it('is refused by an operation that needs a body, naming the body', async ({ t }) => {
    const res = await t.request({ method: 'POST', url: '/v1/messages', headers: JSON_TYPE, payload: '' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(/^body\b/);
  });

  it('is still not JSON when it is only white space', async ({ t }) => {
    const res = await t.request({
      method: 'DELETE',
      url: '/v1/api-keys/key_x',
      headers: JSON_TYPE,
      payload: ' \n',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toBe(
      'The body is not valid JSON: it ends before the JSON value is complete',
    );
  });
});
