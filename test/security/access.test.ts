import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, eventually, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { setupOwner, signedIn } from '../dashboard/session.js';

// Who may grant what, and who may link a phone.
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startApp(db);
  await setupOwner(t);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

describe('a key grants at most the scopes it holds', () => {
  it('an admin-only key cannot create a key with other scopes', async () => {
    const adminOnly = await createKey(t, ['admin']);
    const wide = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      key: adminOnly,
      payload: { name: 'escalate', scopes: ['messages', 'admin'] },
    });
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.message).toContain('messages');
    // Without scopes given, the new key gets what its creator holds, not every scope.
    const defaulted = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      key: adminOnly,
      payload: { name: 'd' },
    });
    expect(defaulted.statusCode).toBe(201);
    expect(defaulted.json().apiKey.scopes).toEqual(['admin']);
    const same = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      key: adminOnly,
      payload: { name: 'same', scopes: ['admin'] },
    });
    expect(same.statusCode).toBe(201);
  });

  it('an all-scopes key still creates any key', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'all' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().apiKey.scopes).toHaveLength(5);
  });

  it('an admin-only key cannot add a dashboard member whose role holds more', async () => {
    const adminOnly = await createKey(t, ['admin']);
    // A viewer too: every member reads the messages, devices and the rest the key cannot.
    for (const role of ['admin', 'agent', 'viewer'] as const) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/team',
        key: adminOnly,
        payload: { email: `${role}-esc@example.com`, password: 'long enough password', role },
      });
      expect(res.statusCode, role).toBe(403);
    }
    // A viewer the all-scope key adds: the admin-only key cannot promote them either.
    const viewer = await t.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'viewer-ok@example.com', password: 'long enough password', role: 'viewer' },
    });
    expect(viewer.statusCode).toBe(201);
    const promote = await t.request({
      method: 'PATCH',
      url: `/v1/team/${viewer.json().id}`,
      key: adminOnly,
      payload: { role: 'admin' },
    });
    expect(promote.statusCode).toBe(403);
  });
});

describe('the live QR needs the devices scope', () => {
  it('a viewer or a key without it cannot fetch it', async () => {
    const device = (await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } })).json<{
      id: string;
    }>();
    await t.request({ method: 'POST', url: `/v1/devices/${device.id}/connect` });
    await eventually(async () => {
      const res = await t.request({
        method: 'GET',
        url: `/v1/devices/${device.id}/qr`,
        headers: { accept: 'application/json' },
      });
      return res.statusCode === 200;
    });
    const viewer = await signedIn(t, 'viewer');
    for (const accept of ['application/json', 'image/png']) {
      const res = await viewer.request({
        method: 'GET',
        url: `/v1/devices/${device.id}/qr`,
        headers: { accept },
      });
      expect(res.statusCode, accept).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    // The viewer still sees the device itself.
    expect((await viewer.request({ method: 'GET', url: `/v1/devices/${device.id}` })).statusCode).toBe(200);
    const readOnlyKey = await createKey(t, ['messages']);
    const byKey = await t.request({ method: 'GET', url: `/v1/devices/${device.id}/qr`, key: readOnlyKey });
    expect(byKey.statusCode).toBe(403);
  });
});
