import fc from 'fast-check';
import { createKey, startApp, type TestApp } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { listenLocal } from '../../helpers/raw-http.js';
import { linkSandboxDevice } from '../../helpers/sandbox.js';
import { multipartBody, png } from '../../media/fixtures.js';
import { setupOwner } from '../../dashboard/session.js';
import { startReceiver, type Receiver } from '../../webhooks/kit.js';
import { Fuzzer, operationsOf, type Operation, type Pools, type Spec } from './harness.js';

export interface FuzzWorld {
  t: TestApp;
  /** Ids of the resources made, by the prefix or parameter name their pattern uses. */
  pools: Pools;
  fuzzer: Fuzzer;
  operations: Operation[];
  port: number;
  close(): Promise<void>;
}

const PHONES = ['+15555550100', '+15555550101', '+4915112345678'];

/**
 * A server with one of each resource, whose ids the fuzzer uses half of the time. Nothing it does
 * leaves this machine: webhook URLs are the loopback receiver or not URLs at all, and a real
 * WhatsApp engine, if one is created, points at a closed loopback port.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const db: TestDatabase = await createTestDatabase();
  const receiver: Receiver = await startReceiver();
  const t = await startApp(db, {
    WAPING_WA_WS_URL: 'wss://127.0.0.1:9/ws',
    WAPING_WA_BACKOFF_BASE_MS: '60000',
  });
  const port = await listenLocal(t.app);
  await setupOwner(t);
  const ok = async (method: 'POST' | 'GET', url: string, payload?: object) => {
    const res = await t.request({ method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<Record<string, unknown> & { id: string }>();
  };
  const connected = await linkSandboxDevice(t, { phone: '+15550009999' });
  const idle = (await ok('POST', '/v1/devices', { name: 'Idle' })).id;
  const message = (await ok('POST', '/v1/messages', { to: PHONES[0], type: 'text', text: { body: 'hello' } }))
    .id;
  const template = (await ok('POST', '/v1/templates', { name: 'greeting', body: 'Hi {{name}}' })).id;
  const created = await ok('POST', '/v1/webhooks', { url: receiver.url, events: ['*'] });
  const webhook = (created.webhook as { id: string }).id;
  await ok('POST', `/v1/webhooks/${webhook}/test`);
  const deliveries = (await ok('GET', `/v1/webhooks/${webhook}/deliveries`)) as unknown as {
    data: Array<{ id: string }>;
  };
  const verification = (await ok('POST', '/v1/verifications', { to: PHONES[1] })).id;
  const rule = (
    await ok('POST', '/v1/auto-replies', { name: 'Hours', match: { type: 'any' }, reply: 'We are closed' })
  ).id;
  const member = (
    await ok('POST', '/v1/team', {
      email: 'member@example.com',
      password: 'long enough password',
      role: 'agent',
    })
  ).id;
  const presets = (await ok('GET', '/v1/auto-replies/presets')) as unknown as { data: Array<{ id: string }> };
  const upload = multipartBody(png(), { filename: 'photo.png', contentType: 'image/png' });
  const uploaded = await t.request({ method: 'POST', url: '/v1/media', ...upload });
  if (uploaded.statusCode !== 201) throw new Error(`POST /v1/media: ${uploaded.statusCode} ${uploaded.body}`);
  const media = uploaded.json<{ id: string }>().id;
  // The message above opened a conversation with its recipient.
  const conversations = (await ok('GET', '/v1/conversations?includeOtpOnly=true')) as unknown as {
    data: Array<{ id: string }>;
  };
  const victimKey = await createKey(t, ['messages']);
  const keyId = (await ok('GET', '/v1/api-keys')) as unknown as { data: Array<{ id: string; hint: string }> };
  const pools: Pools = {
    dev: [connected, idle],
    msg: [message],
    tpl: [template],
    whk: [webhook],
    dlv: deliveries.data.map((d) => d.id),
    ver: [verification],
    rule: [rule],
    usr: [member],
    med: [media],
    cnv: conversations.data.map((c) => c.id),
    // Never the fuzzer's own key: revoking it would turn every later request into a 401.
    key: keyId.data.filter((k) => victimKey.endsWith(k.hint)).map((k) => k.id),
    phone: PHONES,
    presetId: presets.data.map((p) => p.id),
  };
  // Mostly values that get past validation, so that the runs reach the handlers.
  const mostly = <T>(good: T[], bad: T[]) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...good) },
      { weight: 1, arbitrary: fc.constantFrom(...bad) },
    );
  const cursorOf = (id: string) => Buffer.from(`v1:${id}`).toString('base64url');
  const overrides = {
    url: mostly([receiver.url], ['ftp://example.com/x', 'not a url', 'http://', '']),
    to: mostly(PHONES, ['+1555', 'abc', '+15555550100;ext=1', '']),
    phone: mostly(PHONES, ['+1', '+15555550100 x1', '']),
    deviceId: mostly([connected, idle], ['dev_01m8b8xma15em99q5xmc7vak9t', 'dev_']),
    cursor: mostly([cursorOf(message), cursorOf(connected), cursorOf('zzzz')], ['zzz', '', 'djE6']),
  };
  const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<Spec>();
  return {
    t,
    pools,
    fuzzer: new Fuzzer(spec, t, pools, overrides),
    operations: operationsOf(spec),
    port,
    close: async () => {
      await t.close();
      await receiver.close();
      await db.drop();
    },
  };
}

/** Reads before writes, deletions last: the shared resources stay for as long as possible. */
export function inRunOrder(operations: Operation[]): Operation[] {
  const rank = (op: Operation) =>
    op.method === 'GET'
      ? 0
      : op.method === 'DELETE'
        ? 3
        : /logout|unlink|disconnect|cancel|rotate/.test(op.path)
          ? 2
          : 1;
  return [...operations].sort((a, b) => rank(a) - rank(b));
}
