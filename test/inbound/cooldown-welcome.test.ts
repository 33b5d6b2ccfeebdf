import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRule, customerWrites, linkDevice, MINUTE, startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
  kit.clock.set('2025-06-02T10:00:00Z');
});
afterEach(async () => {
  await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
});
afterAll(async () => {
  await kit.close();
});

describe('cooldown', () => {
  it('does not repeat a rule to one contact within its cooldown, per contact, durably', async () => {
    const id = await createRule(kit.t, {
      name: 'ack',
      match: { type: 'any' },
      reply: 'Got it.',
      cooldownMinutes: 30,
    });
    // A later catch-all proves a cooling rule keeps the conversation quiet rather than handing over.
    await createRule(kit.t, { name: 'other', priority: 500, match: { type: 'any' }, reply: 'x' });
    expect(await customerWrites(kit, deviceId, 'one', '+15554440001')).toMatchObject({
      action: 'replied',
      ruleId: id,
    });
    kit.clock.advance(10 * MINUTE);
    expect(await customerWrites(kit, deviceId, 'two', '+15554440001')).toMatchObject({
      action: 'none',
      reason: 'cooldown',
      ruleId: id,
    });
    expect(await customerWrites(kit, deviceId, 'hi', '+15554440002')).toMatchObject({
      action: 'replied',
      ruleId: id,
    });
    const stored = await kit.t.app.ctx.db
      .selectFrom('auto_reply_cooldowns')
      .selectAll()
      .where('rule_id', '=', id)
      .execute();
    expect(stored.map((r) => r.phone).sort()).toEqual(['+15554440001', '+15554440002']);
    kit.clock.advance(21 * MINUTE);
    expect(await customerWrites(kit, deviceId, 'three', '+15554440001')).toMatchObject({
      action: 'replied',
      ruleId: id,
    });
  });

  it('a cooldown of 0 answers every message', async () => {
    await createRule(kit.t, { name: 'echo', match: { type: 'any' }, reply: 'again' });
    for (const text of ['a', 'b', 'c']) {
      expect(await customerWrites(kit, deviceId, text, '+15554440003')).toMatchObject({ action: 'replied' });
    }
  });
});

describe('welcome', () => {
  it('answers only a contact’s first inbound message; later ones go to other rules', async () => {
    const welcome = await createRule(kit.t, {
      name: 'welcome',
      priority: 1,
      match: { type: 'any' },
      reply: 'Welcome! How can we help?',
      welcome: true,
    });
    const regular = await createRule(kit.t, {
      name: 'regular',
      priority: 2,
      match: { type: 'any' },
      reply: 'ok',
    });
    expect(await customerWrites(kit, deviceId, 'hello', '+15554440010')).toMatchObject({ ruleId: welcome });
    expect(await customerWrites(kit, deviceId, 'hello again', '+15554440010')).toMatchObject({
      ruleId: regular,
    });
    expect(await customerWrites(kit, deviceId, 'hello', '+15554440011')).toMatchObject({ ruleId: welcome });
  });

  it('a contact known from a send (never wrote before) still gets the welcome once', async () => {
    const welcome = await createRule(kit.t, {
      name: 'w',
      match: { type: 'any' },
      reply: 'hi',
      welcome: true,
    });
    const sent = await kit.t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId, to: '+15554440012', type: 'text', text: { body: 'Your code is ready' } },
    });
    expect(sent.statusCode).toBe(202);
    expect(await customerWrites(kit, deviceId, 'thanks', '+15554440012')).toMatchObject({ ruleId: welcome });
    expect(await customerWrites(kit, deviceId, 'thanks', '+15554440012')).toMatchObject({
      reason: 'no_rule',
    });
  });
});
