import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn } from '../dashboard/session.js';
import { conversationWith, customerMessage } from './kit.js';

const it = appTest();

const CUSTOMER = '+15553330001';

async function typing(t: TestApp, id: string, on: boolean) {
  const res = await t.request({
    method: 'POST',
    url: `/v1/conversations/${id}/typing`,
    payload: { typing: on },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { shown: boolean; reason: string | null };
}

async function seen(t: TestApp, deviceId: string) {
  const res = await t.request({
    method: 'GET',
    url: `/v1/sandbox/typing?to=${encodeURIComponent(CUSTOMER)}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as Array<{ deviceId: string; to: string; state: string }>).filter(
    (p) => p.deviceId === deviceId,
  );
}

describe('"typing…" from the inbox composer', () => {
  it('is shown to the customer only when the line has presence on, debounced, and taken away', async ({
    t,
  }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009301', name: 'Support' });
    await customerMessage(t, line, CUSTOMER, 'anyone there?');
    const conversation = await conversationWith(t, CUSTOMER, line);

    // The sandbox line paces nothing and shows no presence by default: nothing reaches WhatsApp.
    expect(await typing(t, conversation.id, true)).toEqual({ shown: false, reason: 'PRESENCE_OFF' });
    expect(await seen(t, line)).toEqual([]);

    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/devices/${line}`,
      payload: { pacing: { presence: true } },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    expect(await typing(t, conversation.id, true)).toEqual({ shown: true, reason: null });
    expect(await seen(t, line)).toEqual([expect.objectContaining({ to: CUSTOMER, state: 'composing' })]);
    // A composer sends updates as the member types: the next ones within 3 s are the same burst.
    expect(await typing(t, conversation.id, true)).toEqual({ shown: true, reason: 'ALREADY_SHOWN' });

    expect(await typing(t, conversation.id, false)).toEqual({ shown: false, reason: null });
    expect(await seen(t, line)).toEqual([expect.objectContaining({ to: CUSTOMER, state: 'paused' })]);
    expect(await typing(t, conversation.id, false)).toEqual({ shown: false, reason: 'NOT_SHOWN' });
  });

  it('is for members who may reply: a viewer is refused, an agent may', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009302', name: 'Sales' });
    await customerMessage(t, line, CUSTOMER, 'hello?');
    const conversation = await conversationWith(t, CUSTOMER, line);
    await setupOwner(t);
    const url = `/v1/conversations/${conversation.id}/typing`;
    const viewer = await signedIn(t, 'viewer');
    expect((await viewer.request({ method: 'POST', url, payload: { typing: true } })).statusCode).toBe(403);
    const agent = await signedIn(t, 'agent');
    const res = await agent.request({ method: 'POST', url, payload: { typing: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ shown: false, reason: 'PRESENCE_OFF' });
  });
});
