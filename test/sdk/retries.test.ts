import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, WAPingConnectionError, type WAPing } from '@waping/sdk';
import { eventually } from '../helpers/app.js';
import { linkSandboxDevice, startFaultyProxy, startSdkServer, type SdkServer } from './server.js';

let s: SdkServer;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
let direct: WAPing;
let viaProxy: WAPing;

beforeAll(async () => {
  s = await startSdkServer();
  proxy = await startFaultyProxy(s.url);
  direct = s.client();
  viaProxy = s.client({ baseUrl: proxy.url });
  await linkSandboxDevice(direct);
});
afterAll(async () => {
  await proxy?.close();
  await s?.close();
});

/** Loses the answer to the first POST to `path`, and only that one. */
const dropped = new Set<string>();
const isPost = (path: string) => (req: { method?: string; url?: string }) => {
  if (req.method !== 'POST' || req.url !== path || dropped.has(path)) return false;
  dropped.add(path);
  return true;
};

describe('retries through a connection that loses the first answer', () => {
  it('a send whose answer was lost is retried with the same key and sent once', async () => {
    const to = '+15550201001';
    proxy.dropWhen(isPost('/v1/messages'));
    const before = proxy.seen.length;
    const sent = await viaProxy.messages.send({ to, type: 'text', text: { body: 'Sent exactly once' } });

    const attempts = proxy.seen.slice(before).filter((r) => r.path === '/v1/messages');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]!.idempotencyKey).toBe(attempts[0]!.idempotencyKey);

    const log = await direct.messages.list({ to }).toArray();
    expect(log.map((m) => m.id)).toEqual([sent.id]);
    await eventually(async () => (await direct.sandbox.messages({ to })).data.length > 0);
    // Give the queue time to send a second copy if there were one, then count what the phone got.
    await eventually(async () => ['delivered', 'read'].includes((await direct.messages.get(sent.id)).status));
    const inbox = (await direct.sandbox.messages({ to })).data;
    expect(inbox.filter((m) => m.text === 'Sent exactly once')).toHaveLength(1);
  });

  it('a verification start whose answer was lost sends one code', async () => {
    const to = '+15550201002';
    proxy.dropWhen(isPost('/v1/verifications'));
    const verification = await viaProxy.verifications.start({ to }, { idempotencyKey: 'login-attempt-42' });
    const attempts = proxy.seen.filter((r) => r.path === '/v1/verifications');
    expect(attempts.map((r) => r.idempotencyKey)).toEqual(['login-attempt-42', 'login-attempt-42']);
    expect((await direct.verifications.list().toArray()).filter((v) => v.to === to)).toHaveLength(1);
    await eventually(async () => (await direct.sandbox.messages({ to })).data.length > 0);
    await eventually(
      async () => (await direct.verifications.get(verification.id)).sendAttempts[0]?.status === 'delivered',
    );
    expect((await direct.sandbox.messages({ to })).data).toHaveLength(1);
  });

  it('a call that is not safe to repeat is not retried: the lost answer is an error', async () => {
    // A second check would count as a second wrong code: the SDK throws instead of repeating it.
    const to = '+15550201002';
    const [pending] = (await direct.verifications.list().toArray()).filter((v) => v.to === to);
    proxy.dropWhen(isPost('/v1/verifications/check'));
    const before = proxy.seen.length;
    const error = await viaProxy.verifications.check({ to, code: '000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WAPingConnectionError);
    expect(proxy.seen.slice(before)).toHaveLength(1);
    expect((await direct.verifications.get(pending!.id)).remainingAttempts).toBe(4);
  });

  it('does not retry refusals: a 404 and a 409 are thrown at once with their request id', async () => {
    const before = proxy.seen.length;
    const missing = await viaProxy.messages.get('msg_00000000000000000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).requestId).toMatch(/^req_/);
    expect(proxy.seen.length - before).toBe(1);

    const template = await viaProxy.templates.create({ name: 'dup', body: 'Hi {{name}}' });
    expect(template.variables).toEqual(['name']);
    const again = await viaProxy.templates
      .create({ name: 'dup', body: 'Hi {{name}}' })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(proxy.seen.length - before).toBe(3);
  });

  it('a server that is down is retried, then the connection error is thrown', async () => {
    const closed = await startFaultyProxy(s.url);
    const url = closed.url;
    await closed.close();
    const waping = s.client({ baseUrl: url, maxRetries: 2 });
    const error = await waping.messages
      .send({ to: '+15550201004', type: 'text', text: { body: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WAPingConnectionError);
    expect((error as WAPingConnectionError).message).toMatch(/ECONNREFUSED|fetch failed/);
  });
});
