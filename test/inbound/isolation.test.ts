import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import {
  createRule,
  CUSTOMER,
  customerWrites,
  enc,
  linkDevice,
  startInboundApp,
  type InboundKit,
} from './kit.js';

let kit: InboundKit;
let deviceId: string;
let ruleId: string;
let inboundId: string;
let other: { workspaceId: string; apiKey: string };
let otherDeviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
  ruleId = await createRule(kit.t, { name: 'mine', match: { type: 'any' }, reply: 'from workspace one' });
  inboundId = (await customerWrites(kit, deviceId, 'hello one')).inboundId;
  other = await otherWorkspace(kit.t);
  otherDeviceId = await linkDevice(kit.t, 'Theirs', '+15550007777', other.apiKey);
});
afterAll(async () => {
  await kit.close();
});

const asOther = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: InjectOptions['payload'],
) => kit.t.request({ method, url, payload, key: other.apiKey });

describe('tenant isolation', () => {
  it('contacts of one workspace are invisible to another', async () => {
    const list = (await asOther('GET', '/v1/contacts?limit=100')).json() as {
      data: Array<{ phone: string }>;
    };
    expect(list.data.map((c) => c.phone)).not.toContain(CUSTOMER);
    expect((await asOther('GET', `/v1/contacts/${enc(CUSTOMER)}`)).statusCode).toBe(404);
    expect((await asOther('DELETE', `/v1/contacts/${enc(CUSTOMER)}`)).statusCode).toBe(404);
    const body = (await kit.t.request({ method: 'GET', url: `/v1/messages/${inboundId}` })).json() as {
      body: string;
    };
    expect(body.body).toBe('hello one');
  });

  it('opting a number out in one workspace does not touch the same number in another', async () => {
    const patched = await asOther('PATCH', `/v1/contacts/${enc(CUSTOMER)}`, {
      optedOut: true,
      notes: 'theirs',
    });
    expect(patched.statusCode).toBe(200);
    const mine = (await kit.t.request({ method: 'GET', url: `/v1/contacts/${enc(CUSTOMER)}` })).json();
    expect(mine).toMatchObject({ optedOut: false, notes: null });
    const send = await kit.t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId, to: CUSTOMER, type: 'text', text: { body: 'still allowed' } },
    });
    expect(send.statusCode).toBe(202);
  });

  it('rules of one workspace are invisible and untouchable for another', async () => {
    const list = (await asOther('GET', '/v1/auto-replies')).json() as { data: unknown[] };
    expect(list.data).toEqual([]);
    expect((await asOther('GET', `/v1/auto-replies/${ruleId}`)).statusCode).toBe(404);
    expect((await asOther('PATCH', `/v1/auto-replies/${ruleId}`, { enabled: false })).statusCode).toBe(404);
    expect((await asOther('DELETE', `/v1/auto-replies/${ruleId}`)).statusCode).toBe(404);
    const rule = (await kit.t.request({ method: 'GET', url: `/v1/auto-replies/${ruleId}` })).json();
    expect(rule).toMatchObject({ enabled: true });
  });

  it('a rule or preset cannot name another workspace’s device', async () => {
    const payload = { name: 'x', deviceId, match: { type: 'any' }, reply: 'x' };
    expect((await asOther('POST', '/v1/auto-replies', payload)).statusCode).toBe(404);
    expect((await asOther('POST', '/v1/auto-replies/presets/otp-only', { deviceId })).statusCode).toBe(404);
    const mine = await createRule(kit.t, { name: 'y', match: { type: 'any' }, reply: 'y', priority: 500 });
    expect((await asOther('PATCH', `/v1/auto-replies/${mine}`, { deviceId: otherDeviceId })).statusCode).toBe(
      404,
    );
  });

  it('each workspace’s rules answer only its own devices', async () => {
    const theirs = await createRule(
      kit.t,
      { name: 'theirs', priority: 0, match: { type: 'any' }, reply: 'from two' },
      other.apiKey,
    );
    const onTheirs = await customerWrites(kit, otherDeviceId, 'hello two', '+15558880002', other.apiKey);
    expect(onTheirs).toMatchObject({ workspaceId: other.workspaceId, ruleId: theirs });
    const onMine = await customerWrites(kit, deviceId, 'hello again', '+15558880003');
    expect(onMine).toMatchObject({ workspaceId: kit.t.workspaceId, ruleId });
  });
});
