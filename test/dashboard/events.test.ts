import { describe, expect } from 'vitest';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';
import { setupOwner, signedIn, type Browser } from './session.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

let owner: Browser;
let baseUrl: string;

it.beforeAll(async ({ t }) => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
  owner = await setupOwner(t);
});
interface StreamEvent {
  event: string;
  data: { id: string; status: string; workspaceId?: string };
}

/** Reads the dashboard stream until `done` says enough, over real HTTP as a browser would. */
async function readStream(
  cookie: string,
  done: (events: StreamEvent[]) => boolean,
  act: () => Promise<void>,
) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/v1/dashboard/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let buffer = '';
  // The first chunk (the retry hint) proves the subscription is in place before anything happens.
  buffer += decoder.decode((await reader.read()).value);
  await act();
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) as StreamEvent['data'] });
    }
  }
  controller.abort();
  return events;
}

describe('the dashboard event stream', () => {
  it('carries device health and every status of a message, to any role', async ({ t }) => {
    const viewer = await signedIn(t, 'viewer');
    let messageId = '';
    const events = await readStream(
      viewer.cookie,
      (seen) =>
        seen.some((e) => e.event === 'message' && e.data.id === messageId && e.data.status === 'read'),
      async () => {
        await linkSandboxDevice(t);
        const sent = await sendText(t, '+15557654321', 'hello over the stream');
        expect(sent.statusCode).toBe(202);
        messageId = sent.json<{ id: string }>().id;
      },
    );
    const devices = events.filter((e) => e.event === 'device');
    expect(devices.some((e) => e.data.status === 'connected')).toBe(true);
    // Device views only: the QR a device.qr event carries for webhooks stays out of every tab.
    expect(devices.every((e) => !('qr' in e.data))).toBe(true);
    const statuses = events
      .filter((e) => e.event === 'message' && e.data.id === messageId)
      .map((e) => e.data.status);
    expect(statuses).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));
  });

  it('needs a session or a key', async () => {
    expect((await fetch(`${baseUrl}/v1/dashboard/events`)).status).toBe(401);
    expect(owner.cookie).toMatch(/^waping_session=/);
  });
});
