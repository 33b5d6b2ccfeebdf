import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  IdempotencyConflictError,
  NotFoundError,
  SessionDisconnectedError,
  UnauthorizedError,
  ValidationError,
  WAPing,
} from '@waping/sdk';
import { eventually } from '../helpers/app.js';
import { linkSandboxDevice, startSdkServer, type SdkServer } from './server.js';

let s: SdkServer;
let waping: WAPing;
let deviceId = '';

beforeAll(async () => {
  s = await startSdkServer();
  waping = s.client();
  deviceId = await linkSandboxDevice(waping);
});
afterAll(async () => {
  await s?.close();
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

/** The code the simulated phone received, read from the sandbox inbox. */
async function codeSentTo(to: string, skip = 0): Promise<string> {
  const texts = await eventually(async () => {
    const inbox = (await waping.sandbox.messages({ to })).data;
    return inbox.length > skip ? inbox : undefined;
  });
  return /\b(\d{4,10})\b/.exec(texts[0]!.text)![1]!;
}

describe('devices', () => {
  it('create, get, list, update, connect, qr and delete', async () => {
    const device = await waping.devices.create({ name: 'Second line' });
    expect(device).toMatchObject({ name: 'Second line', engine: 'sandbox', status: 'unlinked' });
    expect((await waping.devices.get(device.id)).id).toBe(device.id);
    const all = await waping.devices.list().toArray();
    expect(all.map((d) => d.id).sort()).toEqual([deviceId, device.id].sort());
    const renamed = await waping.devices.update(device.id, { name: 'Renamed', pacing: { perMinute: 10 } });
    expect(renamed.name).toBe('Renamed');
    expect(renamed.pacing.perMinute).toBe(10);
    await waping.devices.connect(device.id);
    const qr = await eventually(() => waping.devices.qr(device.id).catch(() => undefined));
    expect(qr.qr.length).toBeGreaterThan(10);
    expect(qr.dataUrl).toMatch(/^data:image\/png;base64,/);
    await waping.devices.delete(device.id);
    expect(await fail(waping.devices.get(device.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('messages', () => {
  it('send, get with its timeline, list, and typed refusals', async () => {
    const to = '+15550601001';
    const sent = await waping.messages.send({
      to,
      type: 'text',
      text: { body: 'Hello' },
      metadata: { order: 'A-1' },
    });
    expect(sent.status).toBe('queued');
    await eventually(async () => (await waping.messages.get(sent.id)).status === 'read');
    const message = await waping.messages.get(sent.id);
    expect(message.timeline!.map((t) => t.status)).toEqual(
      expect.arrayContaining(['queued', 'sent', 'delivered', 'read']),
    );
    expect((await waping.messages.list({ to }).toArray()).map((m) => m.id)).toEqual([sent.id]);

    const invalid = await fail(
      waping.messages.send({ to: 'not a number', type: 'text', text: { body: 'x' } }),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).details[0]!.field).toMatch(/^body\./);
    expect((invalid as ValidationError).requestId).toMatch(/^req_/);
  });

  it('the same Idempotency-Key replays; with another body it is an IdempotencyConflictError', async () => {
    const params = { to: '+15550601002', type: 'text' as const, text: { body: 'Once' } };
    const first = await waping.messages.send(params, { idempotencyKey: 'order-1-shipped' });
    const again = await waping.messages.send(params, { idempotencyKey: 'order-1-shipped' });
    expect(again.id).toBe(first.id);
    const other = await fail(
      waping.messages.send({ ...params, text: { body: 'Other' } }, { idempotencyKey: 'order-1-shipped' }),
    );
    expect(other).toBeInstanceOf(IdempotencyConflictError);
  });

  it('cancel a queued message; canceling it again is a ConflictError', async () => {
    await waping.sandbox.disconnect(deviceId, { reason: 'test' });
    await eventually(async () => (await waping.devices.get(deviceId)).status === 'disconnected');
    expect(
      await fail(waping.messages.send({ to: '+15550601003', type: 'text', text: { body: 'x' } })),
    ).toBeInstanceOf(SessionDisconnectedError);
    const queued = await waping.messages.send({
      to: '+15550601003',
      type: 'text',
      text: { body: 'Later' },
      queueIfDisconnected: true,
    });
    const canceled = await waping.messages.cancel(queued.id);
    expect(canceled.status).toBe('canceled');
    expect(await fail(waping.messages.cancel(queued.id))).toBeInstanceOf(ConflictError);
    await waping.devices.connect(deviceId);
    await eventually(async () => (await waping.devices.get(deviceId)).status === 'connected');
  });
});

describe('templates', () => {
  it('create, get, list, update, send with variables, delete', async () => {
    const template = await waping.templates.create({ name: 'shipped', body: 'Order {{order}} shipped' });
    expect(template.variables).toEqual(['order']);
    expect((await waping.templates.get(template.id)).name).toBe('shipped');
    expect((await waping.templates.list().toArray()).map((t) => t.id)).toContain(template.id);
    const updated = await waping.templates.update(template.id, { body: 'Order {{order}} is on its way' });
    expect(updated.body).toBe('Order {{order}} is on its way');
    const sent = await waping.messages.send({
      to: '+15550601010',
      type: 'template',
      template: { name: 'shipped', variables: { order: 'A-7' } },
    });
    expect(sent.body).toBe('Order A-7 is on its way');
    await waping.templates.delete(template.id);
    expect(await fail(waping.templates.get(template.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('contacts', () => {
  it('update (creates), get, list, check, delete', async () => {
    const phone = '+15550601020';
    const contact = await waping.contacts.update(phone, { displayName: 'Ada', notes: 'VIP' });
    expect(contact).toMatchObject({ phone, displayName: 'Ada', notes: 'VIP', optedOut: false });
    expect((await waping.contacts.get(phone)).notes).toBe('VIP');
    await waping.contacts.update('+15550601021', { optedOut: true });
    const optedOut = await waping.contacts.list({ optedOut: true }).toArray();
    expect(optedOut.map((c) => c.phone)).toEqual(['+15550601021']);
    const check = await waping.contacts.check({ phone });
    expect(check).toMatchObject({ phone, onWhatsApp: true });
    await waping.contacts.delete(phone);
    expect(await fail(waping.contacts.get(phone))).toBeInstanceOf(NotFoundError);
  });
});

describe('verifications', () => {
  it('start, get, check a wrong then the right code, by id and by number', async () => {
    const to = '+15550601030';
    const verification = await waping.verifications.start({ to });
    expect(verification).toMatchObject({ to, status: 'pending', channel: 'whatsapp' });
    const code = await codeSentTo(to);
    const wrong = await waping.verifications.check(verification.id, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ status: 'pending', remainingAttempts: 4 });
    expect((await waping.verifications.get(verification.id)).remainingAttempts).toBe(4);
    const right = await waping.verifications.check({ to, code });
    expect(right.status).toBe('approved');
    expect(await fail(waping.verifications.check(verification.id, { code }))).toBeInstanceOf(ConflictError);
    expect((await waping.verifications.list().toArray()).map((v) => v.id)).toContain(verification.id);
  });

  it('resend sends the same code again; cancel ends it', async () => {
    const to = '+15550601031';
    const verification = await waping.verifications.start({ to });
    const code = await codeSentTo(to);
    await waping.verifications.resend(verification.id);
    expect(await codeSentTo(to, 1)).toBe(code);
    const canceled = await waping.verifications.cancel(verification.id);
    expect(canceled.status).toBe('canceled');
  });
});

describe('webhooks, auto-replies, API keys and the workspace', () => {
  it('webhook endpoints: create, get, list, update, delete', async () => {
    const { webhook, secret } = await waping.webhooks.create({
      url: 'http://127.0.0.1:9/hook',
      events: ['*'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect((await waping.webhooks.get(webhook.id)).url).toBe('http://127.0.0.1:9/hook');
    expect((await waping.webhooks.list().toArray()).map((w) => w.id)).toContain(webhook.id);
    expect((await waping.webhooks.update(webhook.id, { enabled: false })).enabled).toBe(false);
    await waping.webhooks.delete(webhook.id);
    expect(await fail(waping.webhooks.get(webhook.id))).toBeInstanceOf(NotFoundError);
  });

  it('auto-replies: presets, create, get, list, update, delete', async () => {
    const presets = await waping.autoReplies.presets();
    expect(presets.data.length).toBeGreaterThan(0);
    const rule = await waping.autoReplies.create({
      name: 'hours',
      match: { type: 'contains', pattern: 'open' },
      reply: '9 to 5',
    });
    expect((await waping.autoReplies.get(rule.id)).reply).toBe('9 to 5');
    expect((await waping.autoReplies.list().toArray()).map((r) => r.id)).toContain(rule.id);
    expect((await waping.autoReplies.update(rule.id, { enabled: false })).enabled).toBe(false);
    const fromPreset = await waping.autoReplies.createFromPreset(presets.data[0]!.id, {});
    expect(fromPreset.preset).toBe(presets.data[0]!.id);
    await waping.autoReplies.delete(rule.id);
    expect(await fail(waping.autoReplies.get(rule.id))).toBeInstanceOf(NotFoundError);
  });

  it('API keys: a created key works until it is revoked; the workspace is readable', async () => {
    const created = await waping.apiKeys.create({ name: 'worker', scopes: ['messages'] });
    const worker = new WAPing({ apiKey: created.key, baseUrl: s.url });
    expect(Array.isArray((await worker.messages.list().page()).data)).toBe(true);
    expect((await waping.apiKeys.list().toArray()).map((k) => k.id)).toContain(created.apiKey.id);
    await waping.apiKeys.revoke(created.apiKey.id);
    const refused = await fail(worker.messages.list().page());
    expect(refused).toBeInstanceOf(UnauthorizedError);
    expect((refused as UnauthorizedError).status).toBe(401);
    const workspace = await waping.workspace.get();
    expect(workspace).toHaveProperty('plan');
  });

  it('audit log: lists who changed what, filtered, across pages', async () => {
    const first = await waping.apiKeys.create({ name: 'audited one', scopes: ['messages'] });
    const second = await waping.apiKeys.create({ name: 'audited two', scopes: ['messages'] });
    await waping.apiKeys.revoke(first.apiKey.id);
    const created = await waping.auditLog.list({ action: 'api_key.created', limit: 1 }).toArray();
    const ids = created.map((e) => e.target.id);
    expect(ids.indexOf(second.apiKey.id)).toBeLessThan(ids.indexOf(first.apiKey.id));
    expect(ids.indexOf(first.apiKey.id)).toBeGreaterThan(-1);
    const revoked = await waping.auditLog
      .list({ target: first.apiKey.id, action: 'api_key.revoked' })
      .toArray();
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.actor.type).toBe('api_key');
  });
});
