import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, eventually } from '../helpers/app.js';
import {
  check,
  createVerification,
  freshPhone,
  inbox,
  startVerification,
  startVerifyKit,
  whatsappCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

const patch = (payload: object, key?: string) =>
  kit.t.request({ method: 'PATCH', url: '/v1/workspace', payload, ...(key ? { key } : {}) });

interface WorkspaceJson {
  name: string;
  settings: {
    verification: { codeLength: number; ttlSeconds: number; messageText: string | null; channels: string[] };
  };
}

describe('workspace code settings', () => {
  it('start at the built-in defaults', async () => {
    const ws = (await kit.t.request({ method: 'GET', url: '/v1/workspace' })).json<WorkspaceJson>();
    expect(ws.settings.verification).toEqual({
      codeLength: 6,
      ttlSeconds: 600,
      messageText: null,
      channels: ['whatsapp'],
    });
  });

  it.each([
    ['a code of 3 digits', { codeLength: 3 }],
    ['a code of 11 digits', { codeLength: 11 }],
    ['an expiry under a minute', { ttlSeconds: 59 }],
    ['an expiry over 15 minutes', { ttlSeconds: 901 }],
    ['a text without {{code}}', { messageText: 'Your code is ready' }],
    ['a blank text', { messageText: '   ' }],
    ['a text with a variable a code cannot fill', { messageText: '{{code}} for {{name}}' }],
    ['a repeated channel', { channels: ['whatsapp', 'whatsapp'] }],
    ['no channel', { channels: [] }],
    ['an unknown channel', { channels: ['pigeon'] }],
    ['an unknown field', { digits: 6 }],
  ])('refuse %s with 400 and keep what was there', async (_what, verification) => {
    const res = await patch({ verification });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    const ws = (await kit.t.request({ method: 'GET', url: '/v1/workspace' })).json<WorkspaceJson>();
    expect(ws.settings.verification.codeLength).toBe(6);
    expect(ws.settings.verification.messageText).toBeNull();
  });

  it('names the field of a text without {{code}}', async () => {
    const res = await patch({ verification: { messageText: 'no code here' } });
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.verification.messageText' }),
    ]);
  });

  it('are used by a verification that does not set them', async () => {
    const res = await patch({
      verification: { codeLength: 8, ttlSeconds: 120, messageText: 'Acme: {{code}} ({{minutes}} min)' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkspaceJson>().settings.verification).toEqual({
      codeLength: 8,
      ttlSeconds: 120,
      messageText: 'Acme: {{code}} ({{minutes}} min)',
      channels: ['whatsapp'],
    });
    const to = freshPhone();
    const created = await startVerification(kit.t, { to });
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(120_000);
    const code = await whatsappCode(kit.t, to);
    expect(code).toHaveLength(8);
    expect((await inbox(kit.t, to))[0]).toBe(`Acme: ${code} (2 min)`);
    expect((await check(kit.t, created.id, code)).json().status).toBe('approved');
  });

  it('give way to what the request sets', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, codeLength: 4, ttlSeconds: 300 });
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(300_000);
    expect(await whatsappCode(kit.t, to)).toHaveLength(4);
  });

  it('restore the localized text with messageText null', async () => {
    await patch({ verification: { messageText: null, codeLength: 6 } });
    const to = freshPhone();
    await startVerification(kit.t, { to });
    const text = await eventually(async () => (await inbox(kit.t, to))[0]);
    expect(text).toMatch(/^\d{6} is your verification code\./);
  });

  it('give the channel order of a request that names none, without email when it has no address', async () => {
    const saved = await patch({ verification: { channels: ['email', 'sms', 'whatsapp'] } });
    expect(saved.json<WorkspaceJson>().settings.verification.channels).toEqual(['email', 'sms', 'whatsapp']);
    const created = await startVerification(kit.t, { to: freshPhone() });
    expect(created).toMatchObject({ channels: ['sms', 'whatsapp'] });
    const withEmail = await startVerification(kit.t, { to: freshPhone(), email: 'a@example.com' });
    expect(withEmail).toMatchObject({ channels: ['email', 'sms', 'whatsapp'] });
    const own = await createVerification(kit.t, { to: freshPhone(), channels: ['whatsapp'] });
    expect(own.json()).toMatchObject({ channels: ['whatsapp'] });
    await patch({ verification: { channels: ['whatsapp'] } });
  });

  it('are changed by admins only', async () => {
    const key = await createKey(kit.t, ['verify']);
    const res = await patch({ verification: { codeLength: 5 } }, key);
    expect(res.statusCode).toBe(403);
  });
});

describe('workspace rename', () => {
  it('renames the workspace, trimmed', async () => {
    const res = await patch({ name: '  Acme support  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkspaceJson>().name).toBe('Acme support');
    const ws = (await kit.t.request({ method: 'GET', url: '/v1/workspace' })).json<WorkspaceJson>();
    expect(ws.name).toBe('Acme support');
  });

  it.each([
    ['an empty name', ''],
    ['a blank name', '   '],
    ['a name over 100 characters', 'x'.repeat(101)],
  ])('refuses %s with 400', async (_what, name) => {
    const res = await patch({ name });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
  });
});
