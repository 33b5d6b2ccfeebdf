import { describe, expect } from 'vitest';
import { eventually, otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { publishedEvents } from '../helpers/published.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { createWebhook, startReceiver } from './kit.js';

const it = appTest();

const rowsOf = (t: TestApp, workspaceId: string) =>
  t.app.ctx.db.selectFrom('events').select(['id', 'type']).where('workspace_id', '=', workspaceId).execute();

/** A message sent through the sandbox until it is read; its published events in order. */
async function sentUntilRead(t: TestApp, key: string, to: string) {
  const res = await t.request({
    method: 'POST',
    url: '/v1/messages',
    key,
    payload: { to, type: 'text', text: { body: 'hello' } },
  });
  expect(res.statusCode).toBe(202);
  const id = res.json().id as string;
  return eventually(async () => {
    const events = publishedEvents(t, (e) => e.type.startsWith('message.') && e.data.id === id);
    return events.some((e) => e.type === 'message.read') ? events : undefined;
  });
}

// An event's row is what its webhook deliveries are sent from; nothing else reads it.
describe('event rows', () => {
  it('a workspace without webhook endpoints: every event is published, none has a row', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    await linkSandboxDevice(t, { key: apiKey, phone: '+15550418001' });
    const events = await sentUntilRead(t, apiKey, '+15550418101');
    expect(events.map((e) => e.type)).toEqual(['message.sent', 'message.delivered', 'message.read']);
    expect(
      publishedEvents(t, (e) => e.workspaceId === workspaceId && e.type === 'conversation.created'),
    ).toHaveLength(1);
    expect(await rowsOf(t, workspaceId)).toEqual([]);
  });

  it('with an endpoint: the events have rows, and the receiver gets each as it was published', async ({
    t,
  }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    await linkSandboxDevice(t, { key: apiKey, phone: '+15550418002' });
    const receiver = await startReceiver();
    try {
      await createWebhook(t, apiKey, {
        url: receiver.url,
        events: ['message.sent', 'message.delivered', 'message.read'],
      });
      const events = await sentUntilRead(t, apiKey, '+15550418102');
      const rows = await rowsOf(t, workspaceId);
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(events.map((e) => e.id)));
      await eventually(async () => receiver.received.length === 3);
      expect(
        receiver.received.map((r) => ({ id: r.event.id, type: r.event.type, data: r.event.data })),
      ).toEqual(events.map((e) => ({ id: e.id, type: e.type, data: e.data })));
    } finally {
      await receiver.close();
    }
  });
});
