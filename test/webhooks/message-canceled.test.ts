import { afterAll, describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';
import { createWebhook, startReceiver, type Receiver } from './kit.js';

const it = appTest();

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

// Every other final status of an outbound message has its event. A message canceled because its
// device was deleted reached `canceled` with no word to the backend that sent it, which kept
// waiting for a `message.sent` or a `message.failed` that never came.
describe('message.canceled', () => {
  it('is sent when a queued message is canceled, through the API or by its device being deleted', async ({
    t,
  }) => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await createWebhook(t, t.apiKey, { url: receiver.url, events: ['message.canceled'] });

    const deviceId = await linkSandboxDevice(t);
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json<{ status: string }>()
          .status === 'disconnected',
    );
    const ids: string[] = [];
    for (const body of ['first', 'second']) {
      const sent = await sendText(t, '+15551234567', body, { queueIfDisconnected: true, metadata: { body } });
      expect(sent.statusCode).toBe(202);
      ids.push(sent.json<{ id: string }>().id);
    }

    const canceled = await t.request({ method: 'POST', url: `/v1/messages/${ids[0]}/cancel` });
    expect(canceled.statusCode).toBe(200);
    const first = await eventually(() => receiver.received[0]);
    expect(first.event).toMatchObject({
      type: 'message.canceled',
      data: { id: ids[0], status: 'canceled', error: null, metadata: { body: 'first' } },
    });

    const deleted = await t.request({ method: 'DELETE', url: `/v1/devices/${deviceId}` });
    expect(deleted.statusCode).toBe(204);
    const second = await eventually(() => receiver.received[1]);
    expect(second.event).toMatchObject({
      type: 'message.canceled',
      data: {
        id: ids[1],
        status: 'canceled',
        error: { code: 'DEVICE_DELETED' },
        metadata: { body: 'second' },
      },
    });
    expect(receiver.received).toHaveLength(2);
  });

  it('does not carry the text when the message is canceled because its recipient asked to be forgotten', async ({
    t,
  }) => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await createWebhook(t, t.apiKey, { url: receiver.url, events: ['message.canceled'] });
    const deviceId = await linkSandboxDevice(t, { phone: '+15550007777' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json<{ status: string }>()
          .status === 'disconnected',
    );
    const sent = await sendText(t, '+15557654321', 'Your order 4411 ships to 12 Elm St', {
      deviceId,
      queueIfDisconnected: true,
    });
    expect(sent.statusCode).toBe(202);
    const id = sent.json<{ id: string }>().id;

    const erased = await t.request({ method: 'DELETE', url: '/v1/contacts/%2B15557654321' });
    expect(erased.statusCode).toBe(200);
    const got = await eventually(() => receiver.received.find((r) => r.event.data.id === id));
    expect(got.event).toMatchObject({
      type: 'message.canceled',
      data: { id, status: 'canceled', body: null },
    });
    expect(got.body).not.toContain('Elm St');
  });
});
