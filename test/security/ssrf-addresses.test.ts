import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS_PER_WORKSPACE } from '../../src/webhooks/service.js';
import { updateEndpoint } from '../../src/webhooks/store.js';
import { isPrivateAddress } from '../../src/webhooks/url-guard.js';
import { eventually, otherWorkspace, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createWebhook, deliveries, emit, startReceiver, type Receiver } from '../webhooks/kit.js';

// Every way of writing an address of this machine or its network that we know of. Each must be
// refused when the endpoint is created and again when a delivery would go out.
const PRIVATE_HOSTS = [
  '127.0.0.1',
  '127.1', // short IPv4 forms, normalised by the URL parser
  '2130706433',
  '0x7f.0.0.1',
  '0177.0.0.1',
  '0.0.0.0',
  '10.0.0.1',
  '100.64.0.1',
  '169.254.169.254',
  '172.16.0.1',
  '192.168.1.1',
  '[::1]',
  '[::]',
  '[::127.0.0.1]', // IPv4-compatible
  '[0:0:0:0:0:0:127.0.0.1]',
  '[::ffff:127.0.0.1]', // IPv4-mapped
  '[::ffff:7f00:1]',
  '[::ffff:a9fe:a9fe]',
  '[::ffff:0:7f00:1]', // IPv4-translated
  '[::ffff:0:127.0.0.1]',
  '[64:ff9b::a9fe:a9fe]', // NAT64 to 169.254.169.254
  '[64:ff9b::127.0.0.1]',
  '[64:ff9b:1::1]', // local-use NAT64
  '[2002:a9fe:a9fe::]', // 6to4 of 169.254.169.254
  '[2002:7f00:1::1]',
  '[2001:0:4136:e378:8000:63bf:3fff:fdd2]', // Teredo
  '[fec0::1]', // site-local
  '[fc00::1]',
  '[fd12:3456::1]',
  '[fe80::1]',
  '[ff02::1]',
  'localhost',
];

const PUBLIC_ADDRESSES = [
  '8.8.8.8',
  '203.0.113.10',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

let db: TestDatabase;
let t: TestApp;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startApp(db, { WAPING_WEBHOOK_ALLOW_PRIVATE: 'false' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await db?.drop();
});

describe('SSRF: private address forms', () => {
  it('classifies the address forms', () => {
    for (const host of PRIVATE_HOSTS.filter((h) => h !== 'localhost')) {
      const address = new URL(`http://${host}/`).hostname.replace(/^\[(.*)\]$/, '$1');
      expect(isPrivateAddress(address), host).toBe(true);
    }
    for (const address of PUBLIC_ADDRESSES) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses each at creation', async () => {
    for (const host of PRIVATE_HOSTS) {
      const url = `http://${host}:${new URL(receiver.url).port}/hook`;
      const res = await t.request({ method: 'POST', url: '/v1/webhooks', payload: { url, events: ['*'] } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_ERROR');
    }
  });

  it('refuses each at delivery, after the endpoint was changed behind the API', async () => {
    const port = new URL(receiver.url).port;
    const hooks: Array<{ id: string; apiKey: string }> = [];
    // A workspace holds ENDPOINTS_PER_WORKSPACE endpoints: the hosts are spread over workspaces.
    for (let first = 0; first < PRIVATE_HOSTS.length; first += ENDPOINTS_PER_WORKSPACE) {
      const ws = first === 0 ? { workspaceId: t.workspaceId, apiKey: t.apiKey } : await otherWorkspace(t);
      for (const host of PRIVATE_HOSTS.slice(first, first + ENDPOINTS_PER_WORKSPACE)) {
        const hook = await createWebhook(t, ws.apiKey, { url: 'https://203.0.113.10/hooks', events: ['*'] });
        await updateEndpoint(t.app.ctx.db, ws.workspaceId, hook.id, { url: `http://${host}:${port}/hook` });
        hooks.push({ id: hook.id, apiKey: ws.apiKey });
      }
      await emit(t, ws.workspaceId, 'message.sent', { id: 'msg_ssrf' });
    }
    for (const [i, hook] of hooks.entries()) {
      const [attempt] = await eventually(async () => {
        const rows = await deliveries(t, hook.apiKey, hook.id);
        return rows[0]?.attemptCount === 1 && rows;
      });
      expect(attempt!.lastError, PRIVATE_HOSTS[i]).toMatch(/private address/);
    }
    expect(hooks).toHaveLength(PRIVATE_HOSTS.length);
    expect(receiver.received).toHaveLength(0);
  });
});
