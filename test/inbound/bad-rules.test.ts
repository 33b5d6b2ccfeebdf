import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
const UNKNOWN_DEVICE = 'dev_00000000000000000000000000';

beforeAll(async () => {
  kit = await startInboundApp();
});
afterAll(async () => {
  await kit.close();
});

const base = { name: 'n', match: { type: 'any' }, reply: 'x' };
const hours = { timeZone: 'Europe/Paris', days: [1], start: '09:00', end: '18:00' };
const badRules: Array<[string, Record<string, unknown>, string]> = [
  ['no name', { match: base.match, reply: 'x' }, 'body.name'],
  ['unknown field', { ...base, color: 'red' }, 'body.color'],
  ['unknown match type', { ...base, match: { type: 'fuzzy', pattern: 'x' } }, 'body.match.type'],
  ['exact without pattern', { ...base, match: { type: 'exact' } }, 'body.match.pattern'],
  ['any with pattern', { ...base, match: { type: 'any', pattern: 'x' } }, 'body.match.pattern'],
  ['invalid regex', { ...base, match: { type: 'regex', pattern: '(' } }, 'body.match.pattern'],
  ['nested quantifier', { ...base, match: { type: 'regex', pattern: '(a+)+$' } }, 'body.match.pattern'],
  ['empty reply', { ...base, reply: '' }, 'body.reply'],
  ['unknown variable', { ...base, reply: 'Hi {{contact.nmae}}' }, 'body.reply'],
  [
    'unknown variable in away reply',
    { ...base, businessHours: { ...hours, awayReply: '{{order.id}}' } },
    'body.businessHours.awayReply',
  ],
  // Braces that are no placeholder were kept as written and sent so to the customer.
  ['numbered braces', { ...base, reply: 'Hi {{1}}' }, 'body.reply'],
  [
    'braces with a space in the name',
    { ...base, businessHours: { ...hours, awayReply: 'Back at {{opening time}}' } },
    'body.businessHours.awayReply',
  ],
  ['negative priority', { ...base, priority: -1 }, 'body.priority'],
  ['huge cooldown', { ...base, cooldownMinutes: 10_000_000 }, 'body.cooldownMinutes'],
  [
    'unknown time zone',
    { ...base, businessHours: { ...hours, timeZone: 'Mars/Olympus' } },
    'body.businessHours.timeZone',
  ],
  ['day 0', { ...base, businessHours: { ...hours, days: [0] } }, 'body.businessHours.days.0'],
  ['day 8', { ...base, businessHours: { ...hours, days: [8] } }, 'body.businessHours.days.0'],
  ['repeated day', { ...base, businessHours: { ...hours, days: [1, 1] } }, 'body.businessHours.days'],
  [
    'time without padding',
    { ...base, businessHours: { ...hours, start: '9:00' } },
    'body.businessHours.start',
  ],
  ['end equals start', { ...base, businessHours: { ...hours, end: '09:00' } }, 'body.businessHours.end'],
  ['bad device id', { ...base, deviceId: 'dev_nope' }, 'body.deviceId'],
];

describe('POST /v1/auto-replies refuses bad rules with the field named', () => {
  it.each(badRules)('%s', async (_name, payload, field) => {
    const res = await kit.t.request({ method: 'POST', url: '/v1/auto-replies', payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', requestId: expect.any(String) } });
    const details = (res.json() as { error: { details: Array<{ field: string }> } }).error.details;
    expect(details.map((d) => d.field)).toContain(field);
  });

  it('says which braces are no variable, and which variables there are', async () => {
    const res = await kit.t.request({
      method: 'POST',
      url: '/v1/auto-replies',
      payload: { ...base, reply: 'Hi {{1}}, {{contact.name | there}}' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        field: 'body.reply',
        message:
          'has {{1}}, which is not a variable; variables are contact.name, contact.phone, device.name, device.phone',
      },
    ]);
  });

  it('a rule for a device of no one (or of another workspace) is 404', async () => {
    const res = await kit.t.request({
      method: 'POST',
      url: '/v1/auto-replies',
      payload: { ...base, deviceId: UNKNOWN_DEVICE },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
