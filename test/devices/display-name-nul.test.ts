import { describe, expect } from 'vitest';
import { setDeviceStatus } from '../../src/devices/status.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// The linked line's WhatsApp name comes from its owner's profile. A NUL character in it (U+0000,
// which PostgreSQL cannot store in text) failed the write that records the device connected, so
// the line never showed as connected there.
describe('a line whose WhatsApp name or disconnect reason holds the NUL character', () => {
  it('is recorded connected, the name kept with U+FFFD in its place', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } });
    const { id } = created.json<{ id: string }>();

    await setDeviceStatus(t.app.ctx, id, 'connected', {
      phone: '+15550001234',
      displayName: 'Acme\u0000Support',
      reason: null,
    });

    const device = (await t.request({ method: 'GET', url: `/v1/devices/${id}` })).json();
    expect(device).toMatchObject({
      status: 'connected',
      phone: '+15550001234',
      displayName: 'Acme\ufffdSupport',
    });
  });

  // The reason a connection closed comes from the engine, which has it from the WhatsApp server.
  it('is recorded disconnected when the reason the connection closed holds it', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line 2' } });
    const { id } = created.json<{ id: string }>();

    await setDeviceStatus(t.app.ctx, id, 'disconnected', { reason: 'stream error\u0000 conflict' });

    const device = (await t.request({ method: 'GET', url: `/v1/devices/${id}` })).json();
    expect(device).toMatchObject({ status: 'disconnected', statusReason: 'stream error\ufffd conflict' });
  });
});
