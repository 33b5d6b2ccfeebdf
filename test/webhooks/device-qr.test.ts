import { afterAll, describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { createWebhook, startReceiver, type Receiver } from './kit.js';

// A new QR code every 40 ms: a few are shown before the test scans.
const it = appTest({ env: { WAPING_SANDBOX_QR_REFRESH_MS: '40' } });

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

// device.qr was sent once per linking attempt: a device showing a second code was already in
// status `qr`, and only a change of status made an event. A backend showing the code from the
// webhook kept one that expired after 20 s and was never replaced.
describe('device.qr', () => {
  it('is sent for each new QR code, with its own code and expiry', async ({ t }) => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await createWebhook(t, t.apiKey, { url: receiver.url, events: ['device.qr', 'device.connected'] });
    const { id } = (
      await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Front desk' } })
    ).json<{ id: string }>();
    await t.request({ method: 'POST', url: `/v1/devices/${id}/connect` });

    const codes = () =>
      receiver.received.filter((r) => r.event.type === 'device.qr').map((r) => r.event.data);
    await eventually(() => codes().length >= 3);
    const scan = await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${id}/scan`,
      payload: { phone: '+15550007001' },
    });
    expect(scan.statusCode).toBe(200);
    await eventually(() => receiver.received.some((r) => r.event.type === 'device.connected'));

    const shown = codes();
    expect(shown.every((data) => data.id === id && data.status === 'qr')).toBe(true);
    expect(new Set(shown.map((data) => data.qr)).size).toBe(shown.length);
    expect(new Set(shown.map((data) => data.expiresAt)).size).toBe(shown.length);
    // The status's own event is as before: one when the device connects, after the last code.
    const connected = receiver.received.filter((r) => r.event.type === 'device.connected');
    expect(connected).toHaveLength(1);
    const qrIds = receiver.received.filter((r) => r.event.type === 'device.qr').map((r) => r.event.id);
    expect(qrIds.every((qrId) => qrId < connected[0]!.event.id)).toBe(true);
  });
});
