import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRule, customerWrites, linkDevice, startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
});
afterAll(async () => {
  await kit.close();
});

describe('/v1/auto-replies', () => {
  it('creates with defaults, reads, patches, lists in trial order and deletes', async () => {
    const created = await kit.t.request({
      method: 'POST',
      url: '/v1/auto-replies',
      payload: { name: 'hello', match: { type: 'contains', pattern: 'hello' }, reply: 'Hi!' },
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json() as { id: string };
    expect(rule).toMatchObject({
      id: expect.stringMatching(/^rule_/),
      deviceId: null,
      priority: 100,
      match: { type: 'contains', pattern: 'hello' },
      cooldownMinutes: 0,
      businessHours: null,
      welcome: false,
      enabled: true,
      preset: null,
    });
    expect((await kit.t.request({ method: 'GET', url: `/v1/auto-replies/${rule.id}` })).json()).toEqual(
      created.json(),
    );

    const hours = {
      timeZone: 'Europe/Lisbon',
      days: [1, 2, 3],
      start: '09:00',
      end: '17:30',
      awayReply: 'Closed',
    };
    const patched = await kit.t.request({
      method: 'PATCH',
      url: `/v1/auto-replies/${rule.id}`,
      payload: { deviceId, priority: 5, match: { type: 'any' }, businessHours: hours, enabled: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      deviceId,
      priority: 5,
      match: { type: 'any', pattern: null },
      businessHours: hours,
      enabled: false,
      name: 'hello',
    });
    const cleared = await kit.t.request({
      method: 'PATCH',
      url: `/v1/auto-replies/${rule.id}`,
      payload: { deviceId: null, businessHours: null },
    });
    expect(cleared.json()).toMatchObject({ deviceId: null, businessHours: null, priority: 5 });

    const ids = [rule.id];
    for (const priority of [7, 1, 7])
      ids.push(
        await createRule(kit.t, { name: `p${priority}`, priority, match: { type: 'any' }, reply: 'x' }),
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/auto-replies?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await kit.t.request({ method: 'GET', url })).json() as {
        data: Array<{ id: string }>;
        nextCursor: string | null;
      };
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    const disabled = (
      await kit.t.request({ method: 'GET', url: '/v1/auto-replies?enabled=false' })
    ).json() as { data: Array<{ id: string }> };
    expect(disabled.data.map((r) => r.id)).toEqual([rule.id]);

    expect((await kit.t.request({ method: 'DELETE', url: `/v1/auto-replies/${rule.id}` })).statusCode).toBe(
      204,
    );
    expect((await kit.t.request({ method: 'GET', url: `/v1/auto-replies/${rule.id}` })).statusCode).toBe(404);
    expect((await kit.t.request({ method: 'DELETE', url: `/v1/auto-replies/${rule.id}` })).statusCode).toBe(
      404,
    );
    await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const request = {
      method: 'POST' as const,
      url: '/v1/auto-replies',
      headers: { 'idempotency-key': 'rule-once' },
      payload: { name: 'once', match: { type: 'any' }, reply: 'x', enabled: false },
    };
    const first = await kit.t.request(request);
    const second = await kit.t.request(request);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
  });
});

describe('presets', () => {
  it('lists the OTP-only preset and creates a rule from it that answers on that device', async () => {
    const list = await kit.t.request({ method: 'GET', url: '/v1/auto-replies/presets' });
    expect(list.statusCode).toBe(200);
    const preset = (list.json() as { data: Array<{ id: string; rule: { reply: string } }> }).data.find(
      (p) => p.id === 'otp-only',
    );
    expect(preset?.rule.reply).toBe('This number only sends verification codes and cannot read replies.');

    const created = await kit.t.request({
      method: 'POST',
      url: '/v1/auto-replies/presets/otp-only',
      payload: { deviceId },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      preset: 'otp-only',
      deviceId,
      match: { type: 'any' },
      cooldownMinutes: 1440,
    });
    const outcome = await customerWrites(kit, deviceId, 'what is this code?');
    expect(outcome).toMatchObject({ action: 'replied', ruleId: (created.json() as { id: string }).id });

    const workspaceWide = await kit.t.request({
      method: 'POST',
      url: '/v1/auto-replies/presets/otp-only',
      payload: {},
    });
    expect(workspaceWide.json()).toMatchObject({ deviceId: null, preset: 'otp-only' });
    const noBody = await kit.t.request({ method: 'POST', url: '/v1/auto-replies/presets/otp-only' });
    expect(noBody.statusCode).toBe(201);
    expect(
      (await kit.t.request({ method: 'POST', url: '/v1/auto-replies/presets/nope', payload: {} })).statusCode,
    ).toBe(404);
  });
});
