import { describe, expect } from 'vitest';
import { MemoryBus } from '../../src/events/memory-bus.js';
import { EndpointPresence } from '../../src/webhooks/endpoint-cache.js';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { createWebhook, deliveries, emit } from './kit.js';

const it = appTest();

// Events in a workspace without endpoints queue no delivery without reading the endpoints; these
// show that the memory of "no endpoint here" never costs a delivery an endpoint should get.
describe('webhook endpoints remembered as absent', () => {
  it('an endpoint created after events found none gets the very next event', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    await emit(t, workspaceId, 'message.sent', { id: 'msg_before' });
    const hook = await createWebhook(t, apiKey, { url: 'http://127.0.0.1:9/in', events: ['*'] });
    const event = await emit(t, workspaceId, 'message.sent', { id: 'msg_after' });
    // The delivery row is written in the event's transaction: no waiting for it.
    expect((await deliveries(t, apiKey, hook.id)).map((d) => d.eventId)).toEqual([event.id]);
  });

  it('an endpoint turned back on gets the very next event', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const hook = await createWebhook(t, apiKey, {
      url: 'http://127.0.0.1:9/in',
      events: ['message.sent'],
      enabled: false,
    });
    await emit(t, workspaceId, 'message.sent', { id: 'msg_while_off' });
    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/webhooks/${hook.id}`,
      key: apiKey,
      payload: { enabled: true },
    });
    expect(patched.statusCode).toBe(200);
    const event = await emit(t, workspaceId, 'message.sent', { id: 'msg_while_on' });
    expect((await deliveries(t, apiKey, hook.id)).map((d) => d.eventId)).toEqual([event.id]);
  });

  it('a workspace with endpoints is never answered from memory', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const hook = await createWebhook(t, apiKey, { url: 'http://127.0.0.1:9/in', events: ['*'] });
    await emit(t, workspaceId, 'message.sent', { id: 'msg_1' });
    const off = await t.request({
      method: 'PATCH',
      url: `/v1/webhooks/${hook.id}`,
      key: apiKey,
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    await emit(t, workspaceId, 'message.sent', { id: 'msg_2' });
    expect(await deliveries(t, apiKey, hook.id)).toHaveLength(1);
  });
});

describe('EndpointPresence', () => {
  it('forgets a workspace on the bus, after its TTL, and ignores a read that raced a change', async () => {
    let now = 0;
    const presence = new EndpointPresence(() => now, 5_000);
    const bus = new MemoryBus();
    const stop = presence.listen(bus);

    presence.noteEmpty('ws_a', presence.generation('ws_a'));
    expect(presence.knownEmpty('ws_a')).toBe(true);
    bus.publish('webhooks.endpoints', 'ws_a');
    expect(presence.knownEmpty('ws_a')).toBe(false);

    presence.noteEmpty('ws_a', presence.generation('ws_a'));
    now = 5_000;
    expect(presence.knownEmpty('ws_a')).toBe(false);

    // A read that started before an endpoint was created must not record "none".
    const before = presence.generation('ws_a');
    bus.publish('webhooks.endpoints', 'ws_a');
    presence.noteEmpty('ws_a', before);
    expect(presence.knownEmpty('ws_a')).toBe(false);

    stop();
    await bus.close();
  });
});
