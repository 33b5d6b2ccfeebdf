import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createKey } from '../helpers/app.js';
import { createRule, enc, startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
let ruleId: string;
let noScopeKey: string;
const PHONE = enc('+15558880001');
const UNKNOWN_RULE = 'rule_00000000000000000000000000';
const UNKNOWN_DEVICE = 'dev_00000000000000000000000000';

beforeAll(async () => {
  kit = await startInboundApp();
  ruleId = await createRule(kit.t, { name: 'r', match: { type: 'any' }, reply: 'x' });
  await kit.t.request({ method: 'PATCH', url: `/v1/contacts/${PHONE}`, payload: { notes: 'x' } });
  noScopeKey = await createKey(kit.t, ['devices']);
});
afterAll(async () => {
  await kit.close();
});

function expectEnvelope(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({
    error: { code, message: expect.any(String), requestId: expect.any(String) },
  });
}

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: InjectOptions['payload'] };
const valid: Record<string, Call> = {
  listContacts: { method: 'GET', url: '/v1/contacts' },
  getContact: { method: 'GET', url: `/v1/contacts/${PHONE}` },
  patchContact: { method: 'PATCH', url: `/v1/contacts/${PHONE}`, payload: { notes: 'y' } },
  deleteContact: { method: 'DELETE', url: `/v1/contacts/${PHONE}` },
  listRules: { method: 'GET', url: '/v1/auto-replies' },
  createRule: {
    method: 'POST',
    url: '/v1/auto-replies',
    payload: { name: 'n', match: { type: 'any' }, reply: 'x' },
  },
  presets: { method: 'GET', url: '/v1/auto-replies/presets' },
  fromPreset: { method: 'POST', url: '/v1/auto-replies/presets/otp-only', payload: {} },
  getRule: { method: 'GET', url: '/v1/auto-replies/RULE' },
  patchRule: { method: 'PATCH', url: '/v1/auto-replies/RULE', payload: { name: 'm' } },
  deleteRule: { method: 'DELETE', url: '/v1/auto-replies/RULE' },
};
const call = (c: Call, key?: string | null) =>
  kit.t.request({ ...c, url: c.url.replace('RULE', ruleId), key });

describe('every inbound route', () => {
  it.each(Object.keys(valid))('%s: 401 without a key, 403 without the messages scope', async (name) => {
    const c = valid[name]!;
    expectEnvelope(await call(c, null), 401, 'UNAUTHORIZED');
    expectEnvelope(await call(c, noScopeKey), 403, 'FORBIDDEN');
  });
});

const bad: Array<[string, Call, number, string]> = [
  ['list contacts: limit 0', { method: 'GET', url: '/v1/contacts?limit=0' }, 400, 'VALIDATION_ERROR'],
  [
    'list contacts: optedOut=maybe',
    { method: 'GET', url: '/v1/contacts?optedOut=maybe' },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'list contacts: foreign cursor',
    { method: 'GET', url: '/v1/contacts?cursor=zzz' },
    400,
    'VALIDATION_ERROR',
  ],
  ['list contacts: unknown filter', { method: 'GET', url: '/v1/contacts?name=x' }, 400, 'VALIDATION_ERROR'],
  ['get contact: not a phone', { method: 'GET', url: '/v1/contacts/not-a-phone' }, 400, 'VALIDATION_ERROR'],
  ['get contact: unknown', { method: 'GET', url: `/v1/contacts/${enc('+15558889999')}` }, 404, 'NOT_FOUND'],
  [
    'patch contact: empty',
    { method: 'PATCH', url: `/v1/contacts/${PHONE}`, payload: {} },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'patch contact: unknown field',
    { method: 'PATCH', url: `/v1/contacts/${PHONE}`, payload: { phone: '+1' } },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'patch contact: optedOut string',
    { method: 'PATCH', url: `/v1/contacts/${PHONE}`, payload: { optedOut: 'yes' } },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'patch contact: bad phone',
    { method: 'PATCH', url: '/v1/contacts/12', payload: { notes: 'x' } },
    400,
    'VALIDATION_ERROR',
  ],
  ['delete contact: bad phone', { method: 'DELETE', url: '/v1/contacts/abcdef' }, 400, 'VALIDATION_ERROR'],
  [
    'delete contact: unknown',
    { method: 'DELETE', url: `/v1/contacts/${enc('+15558889999')}` },
    404,
    'NOT_FOUND',
  ],
  ['list rules: limit 1000', { method: 'GET', url: '/v1/auto-replies?limit=1000' }, 400, 'VALIDATION_ERROR'],
  [
    'list rules: foreign cursor',
    { method: 'GET', url: `/v1/auto-replies?cursor=${Buffer.from('v1:x').toString('base64url')}` },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'list rules: bad device',
    { method: 'GET', url: '/v1/auto-replies?deviceId=nope' },
    400,
    'VALIDATION_ERROR',
  ],
  ['get rule: bad id', { method: 'GET', url: '/v1/auto-replies/msg_1' }, 400, 'VALIDATION_ERROR'],
  ['get rule: unknown', { method: 'GET', url: `/v1/auto-replies/${UNKNOWN_RULE}` }, 404, 'NOT_FOUND'],
  [
    'patch rule: empty',
    { method: 'PATCH', url: '/v1/auto-replies/RULE', payload: {} },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'patch rule: any with pattern',
    { method: 'PATCH', url: '/v1/auto-replies/RULE', payload: { match: { type: 'any', pattern: 'x' } } },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'patch rule: unknown',
    { method: 'PATCH', url: `/v1/auto-replies/${UNKNOWN_RULE}`, payload: { name: 'x' } },
    404,
    'NOT_FOUND',
  ],
  [
    'patch rule: unknown device',
    { method: 'PATCH', url: '/v1/auto-replies/RULE', payload: { deviceId: UNKNOWN_DEVICE } },
    404,
    'NOT_FOUND',
  ],
  ['delete rule: bad id', { method: 'DELETE', url: '/v1/auto-replies/rule_x' }, 400, 'VALIDATION_ERROR'],
  [
    'preset: bad id',
    { method: 'POST', url: '/v1/auto-replies/presets/NOT OK', payload: {} },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'preset: unknown field',
    { method: 'POST', url: '/v1/auto-replies/presets/otp-only', payload: { reply: 'x' } },
    400,
    'VALIDATION_ERROR',
  ],
  [
    'preset: unknown device',
    { method: 'POST', url: '/v1/auto-replies/presets/otp-only', payload: { deviceId: UNKNOWN_DEVICE } },
    404,
    'NOT_FOUND',
  ],
  [
    'preset: unknown preset',
    { method: 'POST', url: '/v1/auto-replies/presets/nope', payload: {} },
    404,
    'NOT_FOUND',
  ],
];

describe('bad input gets a 4xx in the envelope', () => {
  it.each(bad)('%s', async (_name, c, status, code) => {
    expectEnvelope(await call(c), status, code);
  });
});
