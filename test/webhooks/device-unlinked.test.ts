import { afterAll, describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { createWebhook, startReceiver, type Receiver } from './kit.js';

// The sandbox shows 30 QR codes before it gives up: 10 ms each, the test waits a third of a second.
const it = appTest({ env: { WAPING_SANDBOX_QR_REFRESH_MS: '10' } });

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

// A backend that links its lines from its own screens follows device.qr and device.connected.
// When nobody scanned in time the device went back to `unlinked` without an event, and that
// screen kept showing a code that no longer worked.
describe('device.unlinked', () => {
  it('is sent when linking gives up because nobody scanned', async ({ t }) => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await createWebhook(t, t.apiKey, { url: receiver.url, events: ['device.qr', 'device.unlinked'] });

    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Front desk' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect((await t.request({ method: 'POST', url: `/v1/devices/${id}/connect` })).statusCode).toBe(200);

    const gaveUp = await eventually(() => receiver.received.find((r) => r.event.type === 'device.unlinked'));
    expect(gaveUp.event.data).toMatchObject({
      id,
      status: 'unlinked',
      statusReason: 'No scan after 30 QR codes',
    });
    expect(receiver.received[0]!.event.type).toBe('device.qr');
    const device = await t.request({ method: 'GET', url: `/v1/devices/${id}` });
    expect(device.json()).toMatchObject({ status: 'unlinked' });
  });
});
