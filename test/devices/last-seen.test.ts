import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

interface DeviceJson {
  status: string;
  statusChangedAt: string;
  lastSeenAt: string | null;
  name: string;
}
const device = async (t: TestApp, id: string) =>
  (await t.request({ method: 'GET', url: `/v1/devices/${id}` })).json<DeviceJson>();

describe('when a device was last seen', () => {
  it('is null until it connects, the moment it connected while it is, and the moment it dropped after', async ({
    t,
  }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/devices',
      payload: { name: 'Never linked' },
    });
    expect(created.json<DeviceJson>().lastSeenAt).toBeNull();

    const id = await linkSandboxDevice(t, { phone: '+15550004242' });
    const connected = await device(t, id);
    expect(connected.lastSeenAt).toBe(connected.statusChangedAt);

    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${id}/disconnect`,
      payload: { reason: 'no signal' },
    });
    await eventually(async () => (await device(t, id)).status === 'disconnected');
    const dropped = await device(t, id);
    expect(dropped.lastSeenAt).toBe(dropped.statusChangedAt);
    expect(dropped.lastSeenAt! >= connected.lastSeenAt!).toBe(true);

    // Trying to come back is not being there: connecting and showing a QR keep the time it dropped.
    await t.request({ method: 'POST', url: `/v1/devices/${id}/connect` });
    await eventually(async () => ['connected', 'qr'].includes((await device(t, id)).status));
    const after = await device(t, id);
    if (after.status !== 'connected') expect(after.lastSeenAt).toBe(dropped.lastSeenAt);
    else expect(after.lastSeenAt).toBe(after.statusChangedAt);

    const list = (await t.request({ method: 'GET', url: '/v1/devices?limit=100' })).json<{
      data: Array<DeviceJson & { id: string }>;
    }>();
    expect(list.data.find((d) => d.id === id)?.lastSeenAt).toBe(after.lastSeenAt);
  });

  it('survives a rename (PATCH /v1/devices/:id) unchanged', async ({ t }) => {
    const id = await linkSandboxDevice(t, { phone: '+15550004343' });
    const before = await device(t, id);
    const renamed = await t.request({
      method: 'PATCH',
      url: `/v1/devices/${id}`,
      payload: { name: 'Front desk' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<DeviceJson>()).toMatchObject({ name: 'Front desk', lastSeenAt: before.lastSeenAt });
  });
});
