import { afterAll, describe, expect } from 'vitest';
import { updateEndpoint } from '../../src/webhooks/store.js';
import { isPrivateAddress } from '../../src/webhooks/url-guard.js';
import { eventually, type TestApp } from '../helpers/app.js';
import { createWebhook, deliveries, emit, isErrorEnvelope, startReceiver, type Receiver } from './kit.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({ env: { WAPING_WEBHOOK_ALLOW_PRIVATE: 'false' } });

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;

let receiver: Receiver;

it.beforeAll(async ({ t: app }) => {
  t = app;
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

// A documentation address (TEST-NET-3): public as far as the check goes; nothing is ever sent to it.
const PUBLIC_URL = 'https://203.0.113.10/hooks';

describe('webhook URLs without WAPING_WEBHOOK_ALLOW_PRIVATE', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://10.1.2.3/hook',
    'http://172.20.0.5/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
  ])('refuses %s', async (url) => {
    const res = await t.request({ method: 'POST', url: '/v1/webhooks', payload: { url, events: ['*'] } });
    expect(res.statusCode).toBe(400);
    expect(isErrorEnvelope(res.json())).toBe(true);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/private|loopback|link-local/);
    // A self-hoster reads how to allow their own network, not only that it is refused.
    expect(res.json<{ error: { message: string } }>().error.message).toContain(
      'WAPING_WEBHOOK_ALLOW_PRIVATE=true',
    );
  });

  it('refuses a host that does not resolve', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'https://nothing-here.invalid/hook', events: ['*'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/resolve/);
  });

  it('accepts a public address and refuses to move it to a private one', async ({ t }) => {
    const hook = await createWebhook(t, t.apiKey, { url: PUBLIC_URL, events: ['*'], enabled: false });
    const res = await t.request({
      method: 'PATCH',
      url: `/v1/webhooks/${hook.id}`,
      payload: { url: 'http://192.168.0.1/hook' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('checks again at delivery time (the address may have changed since)', async ({ t }) => {
    const hook = await createWebhook(t, t.apiKey, { url: PUBLIC_URL, events: ['*'] });
    // As if DNS now pointed the endpoint's name at this machine.
    const local = receiver.url.replace('127.0.0.1', 'localhost');
    await updateEndpoint(t.app.ctx.db, t.workspaceId, hook.id, { url: local });
    const literal = await createWebhook(t, t.apiKey, { url: PUBLIC_URL, events: ['*'] });
    await updateEndpoint(t.app.ctx.db, t.workspaceId, literal.id, { url: receiver.url });
    await emit(t, t.workspaceId, 'message.sent', { id: 'msg_1' });
    for (const id of [hook.id, literal.id]) {
      const [attempted] = await eventually(async () => {
        const rows = await deliveries(t, t.apiKey, id);
        return rows[0]?.attemptCount === 1 && rows;
      });
      expect(attempted!.lastError).toMatch(/private address/);
      expect(attempted!.status).toBe('pending');
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '100.64.1.1',
      '169.254.1.1',
      '::1',
      'fe80::2',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '203.0.113.10', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});
