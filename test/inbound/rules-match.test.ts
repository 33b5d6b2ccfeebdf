import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRule,
  customerWrites,
  inboxReceives,
  linkDevice,
  replyText,
  startInboundApp,
  type InboundKit,
} from './kit.js';

let kit: InboundKit;
let deviceId: string;
let otherDeviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t, 'Support', '+15550009999');
  otherDeviceId = await linkDevice(kit.t, 'Sales', '+15550008888');
});
afterEach(async () => {
  await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
});
afterAll(async () => {
  await kit.close();
});

const rule = (name: string, match: Record<string, unknown>, reply: string, extra = {}) => ({
  name,
  match,
  reply,
  ...extra,
});

describe('auto-replies: match types', () => {
  it('exact matches the whole message, ignoring case and surrounding space', async () => {
    const id = await createRule(kit.t, rule('hours', { type: 'exact', pattern: 'Hours' }, 'We open at 9.'));
    const hit = await customerWrites(kit, deviceId, '  HOURS ');
    expect(hit).toMatchObject({ action: 'replied', ruleId: id });
    expect(await replyText(kit, hit.replyId)).toBe('We open at 9.');
    expect(await customerWrites(kit, deviceId, 'what are your hours?')).toMatchObject({
      action: 'none',
      reason: 'no_rule',
    });
  });

  it('contains matches anywhere, case-insensitively', async () => {
    const id = await createRule(
      kit.t,
      rule('price', { type: 'contains', pattern: 'PRICE' }, 'See our site.'),
    );
    expect(await customerWrites(kit, deviceId, 'what is the price of x')).toMatchObject({ ruleId: id });
    expect(await customerWrites(kit, deviceId, 'hello')).toMatchObject({ action: 'none' });
  });

  it('regex matches with the pattern, case-insensitively', async () => {
    const id = await createRule(
      kit.t,
      rule('order', { type: 'regex', pattern: '^order\\s+#?\\d{4,}$' }, 'Checking.'),
    );
    expect(await customerWrites(kit, deviceId, 'Order #12345')).toMatchObject({
      action: 'replied',
      ruleId: id,
    });
    expect(await customerWrites(kit, deviceId, 'order 12')).toMatchObject({ action: 'none' });
  });

  it('any matches every message, and the reply reaches the customer and the log', async () => {
    const id = await createRule(kit.t, rule('catch-all', { type: 'any' }, 'Thanks, {{contact.phone}}!'));
    const outcome = await customerWrites(kit, deviceId, 'anything at all');
    expect(outcome).toMatchObject({ action: 'replied', ruleId: id });
    await inboxReceives(kit.t, 'Thanks, +15551112222!');
    const log = await kit.t.request({ method: 'GET', url: `/v1/messages/${outcome.replyId}` });
    expect(log.json()).toMatchObject({
      direction: 'out',
      to: '+15551112222',
      source: 'auto_reply',
      deviceId,
      metadata: { autoReply: id, inReplyTo: outcome.inboundId },
    });
  });
});

describe('auto-replies: which rule answers', () => {
  it('the lowest priority number answers, then the oldest; one reply per message', async () => {
    const late = await createRule(kit.t, rule('late', { type: 'any' }, 'late', { priority: 50 }));
    await createRule(kit.t, rule('later', { type: 'any' }, 'later', { priority: 50 }));
    await createRule(kit.t, rule('generic', { type: 'any' }, 'generic', { priority: 200 }));
    const outcome = await customerWrites(kit, deviceId, 'hi');
    expect(outcome).toMatchObject({ action: 'replied', ruleId: late });
    const replies = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('source', '=', 'auto_reply')
      .where('metadata', 'like', `%${outcome.inboundId}%`)
      .execute();
    expect(replies).toHaveLength(1);
  });

  it('a disabled rule and a rule for another device do not answer', async () => {
    await createRule(kit.t, rule('off', { type: 'any' }, 'off', { priority: 1, enabled: false }));
    await createRule(
      kit.t,
      rule('sales', { type: 'any' }, 'sales', { priority: 2, deviceId: otherDeviceId }),
    );
    const mine = await createRule(kit.t, rule('mine', { type: 'any' }, 'mine', { priority: 3, deviceId }));
    expect(await customerWrites(kit, deviceId, 'hi')).toMatchObject({ ruleId: mine });
    const sales = await customerWrites(kit, otherDeviceId, 'hi');
    expect(await replyText(kit, sales.replyId)).toBe('sales');
  });

  it('fills template variables, with fallbacks for what is unknown', async () => {
    await createRule(
      kit.t,
      rule(
        'vars',
        { type: 'any' },
        'Hi {{contact.name | there}}, {{ device.name }} ({{device.phone}}) got it.',
      ),
    );
    const outcome = await customerWrites(kit, deviceId, 'hello', '+15551113333');
    expect(await replyText(kit, outcome.replyId)).toBe('Hi there, Support (+15550009999) got it.');
    await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${encodeURIComponent('+15551113333')}`,
      payload: { displayName: 'Ana' },
    });
    const named = await customerWrites(kit, deviceId, 'again', '+15551113333');
    expect(await replyText(kit, named.replyId)).toBe('Hi Ana, Support (+15550009999) got it.');
  });

  it('greets a contact without a name as "there" when the placeholder has no fallback', async () => {
    await createRule(kit.t, rule('bare', { type: 'any' }, 'Hi {{contact.name}}! Track your order here.'));
    const outcome = await customerWrites(kit, deviceId, 'hello', '+15551114444');
    expect(await replyText(kit, outcome.replyId)).toBe('Hi there! Track your order here.');
  });

  it('leaves no stray space where an explicitly empty fallback left nothing', async () => {
    await createRule(
      kit.t,
      rule('empty', { type: 'any' }, 'Hi {{contact.name |}}! Thanks, {{contact.name|}} we got it.'),
    );
    const outcome = await customerWrites(kit, deviceId, 'hello', '+15551115555');
    expect(await replyText(kit, outcome.replyId)).toBe('Hi! Thanks, we got it.');
  });

  it('never answers one of the workspace’s own device numbers', async () => {
    await createRule(kit.t, rule('catch-all', { type: 'any' }, 'hello'));
    expect(await customerWrites(kit, deviceId, 'hi', '+15550008888')).toMatchObject({
      action: 'none',
      reason: 'own_number',
    });
  });
});
