import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { sendText } from '../helpers/sandbox.js';

const it = appTest();

type Envelope = { error: { code: string; message: string } };

// A send that no device can take says what to do about it: before, every case told the client to
// set queueIfDisconnected, also to one that had set it.
describe('a send no device can take', () => {
  it('says the workspace has no device when it has none', async ({ t }) => {
    for (const queueIfDisconnected of [false, true]) {
      const res = await sendText(t, '+15551234567', 'Hello', { queueIfDisconnected });
      expect(res.statusCode).toBe(409);
      expect((res.json() as Envelope).error).toMatchObject({
        code: 'SESSION_DISCONNECTED',
        message: 'This workspace has no WhatsApp device; add one and link it (POST /v1/devices)',
      });
    }
  });

  it('names the device that would keep a queued message when it was never linked', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } });
    const { id } = created.json<{ id: string }>();

    const queued = await sendText(t, '+15551234567', 'Hello', { queueIfDisconnected: true });
    expect(queued.statusCode).toBe(409);
    const { error } = queued.json() as Envelope;
    expect(error.code).toBe('SESSION_DISCONNECTED');
    expect(error.message).toBe(
      `No connected WhatsApp device in this workspace, and device ${id}, which would keep the message until it connects, is unlinked; link it first`,
    );

    const now = await sendText(t, '+15551234567', 'Hello');
    expect((now.json() as Envelope).error.message).toBe(
      'No connected WhatsApp device in this workspace; link or reconnect one, or set queueIfDisconnected',
    );
  });
});
