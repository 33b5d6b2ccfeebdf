import { describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { linkSandboxDevice, sendText, waitForStatus } from '../helpers/sandbox.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

describe('dispatch order and pacing', () => {
  it('sends highest priority first, then oldest, with the minimum interval between sends', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { pacing: { minIntervalMs: 120, jitterMs: 0 } });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const queue = [
      ['low-1', 'low'],
      ['normal-1', 'normal'],
      ['high-1', 'high'],
      ['normal-2', 'normal'],
      ['high-2', 'high'],
      ['low-2', 'low'],
    ];
    const ids: string[] = [];
    for (const [body, priority] of queue) {
      ids.push((await sendText(t, '+15550300000', body!, { priority, queueIfDisconnected: true })).json().id);
    }
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    for (const id of ids) await waitForStatus(t, id, 'read');
    const inbox = (await t.request({ method: 'GET', url: '/v1/sandbox/messages?to=%2B15550300000' })).json()
      .data as Array<{ text: string; at: string }>;
    const sentOrder = [...inbox].reverse();
    expect(sentOrder.map((m) => m.text)).toEqual([
      'high-1',
      'high-2',
      'normal-1',
      'normal-2',
      'low-1',
      'low-2',
    ]);
    const times = sentOrder.map((m) => Date.parse(m.at));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(115);
  });

  it('a message for a dropped device waits and resumes on reconnect', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550004040' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const msg = (
      await sendText(t, '+15550300001', 'patient', { deviceId, queueIfDisconnected: true })
    ).json();
    expect(msg.status).toBe('queued');
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    await waitForStatus(t, msg.id, 'read');
  });
});
