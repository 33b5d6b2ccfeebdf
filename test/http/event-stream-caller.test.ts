import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { listenLocal } from '../helpers/raw-http.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';
import { setupOwner, signedIn, type Browser } from '../dashboard/session.js';

const it = appTest();

let baseUrl: string;
let owner: Browser;
let deviceId: string;

it.beforeAll(async ({ t }) => {
  baseUrl = `http://127.0.0.1:${await listenLocal(t.app)}`;
  owner = await setupOwner(t);
  deviceId = await linkSandboxDevice(t);
});

/** An open event stream over real HTTP: what it has received so far, and whether it ended. */
async function openStream(path: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const stream = { text: '', ended: false, close: () => controller.abort() };
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value, { stream: true });
    }
    stream.ended = true;
  })().catch(() => undefined);
  // The first chunk (the retry hint) proves the stream is open.
  while (stream.text === '' && !stream.ended) await new Promise((r) => setTimeout(r, 10));
  return { stream, ended: reading };
}

/** Waits for the stream to end, giving up after `ms` (the server checks every few seconds). */
const endsWithin = (ended: Promise<unknown>, ms: number) =>
  Promise.race([ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);

// An open event stream never checked its caller again: it went on delivering a device's events
// after its API key was revoked, and the workspace's messages to a member removed from it (their
// sessions ended). Now a stream ends when its caller would no longer be let in.
describe('an open event stream', () => {
  it('ends when its API key is revoked', async ({ t }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      payload: { name: 'stream', scopes: ['devices'] },
    });
    const { key, apiKey } = created.json<{ key: string; apiKey: { id: string } }>();
    const kept = await openStream(`/v1/devices/${deviceId}/events`, { authorization: `Bearer ${t.apiKey}` });
    const revoked = await openStream(`/v1/devices/${deviceId}/events`, { authorization: `Bearer ${key}` });

    const revoke = await t.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` });
    expect(revoke.statusCode).toBe(200);
    expect(await endsWithin(revoked.ended, 15_000)).toBe(true);
    // The stream of a key still valid (opened first, so checked first) stays open.
    expect(kept.stream.ended).toBe(false);
    kept.stream.close();
  });

  it('ends when its member is removed, and a member still there keeps theirs', async ({ t }) => {
    const agent = await signedIn(t, 'agent');
    const team = await owner.request({ method: 'GET', url: '/v1/team' });
    const agentId = team
      .json<{ data: Array<{ id: string; email: string }> }>()
      .data.find((m) => m.email === 'agent@example.com')!.id;
    const kept = await openStream('/v1/dashboard/events', { cookie: owner.cookie });
    const removed = await openStream('/v1/dashboard/events', { cookie: agent.cookie });

    const removal = await owner.request({ method: 'DELETE', url: `/v1/team/${agentId}` });
    expect(removal.statusCode, removal.body).toBe(204);
    expect(await endsWithin(removed.ended, 15_000)).toBe(true);

    const sent = await sendText(t, '+15557654321', 'after the removal');
    expect(sent.statusCode).toBe(202);
    const id = sent.json<{ id: string }>().id;
    const until = Date.now() + 10_000;
    while (!kept.stream.text.includes(id) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(kept.stream.text).toContain(id);
    expect(removed.stream.text).not.toContain(id);
    kept.stream.close();
  });
});
