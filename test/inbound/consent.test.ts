import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION } from '../../src/inbound/handle-inbound.js';
import { keywordOf, normalizeKeyword, optOutWordsOf } from '../../src/inbound/keywords.js';
import {
  createRule,
  customerWrites,
  enc,
  inboxReceives,
  linkDevice,
  replyText,
  startInboundApp,
  type InboundKit,
} from './kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
  await createRule(kit.t, { name: 'catch-all', match: { type: 'any' }, reply: 'Thanks for writing.' });
});
afterAll(async () => {
  await kit.close();
});

const send = (to: string, extra: Record<string, unknown> = {}) =>
  kit.t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { deviceId, to, type: 'text', text: { body: 'Your order shipped' }, ...extra },
  });

describe('opt-out keywords', () => {
  it('ignore case, accents, surrounding space and trailing punctuation', () => {
    const words = optOutWordsOf({});
    for (const text of [
      'STOP',
      'stop',
      ' Stop! ',
      'Arrêt',
      'ARRÊT.',
      'baja',
      'Sair!!',
      'parar',
      'Stopp',
      'cancel?',
      'UNSUBSCRIBE',
    ]) {
      expect(keywordOf(text, words), text).toBe('opt_out');
    }
    for (const text of ['please stop', 'stopping', 'sa ir', '!stop x'])
      expect(keywordOf(text, words), text).toBe(null);
    expect(keywordOf('start.', words)).toBe('opt_in');
    expect(normalizeKeyword('  Ärret…  ')).toBe('ARRET');
  });

  it('a custom word list from the workspace settings replaces the default', () => {
    const words = optOutWordsOf({ optOutWords: ['HALT', 'Désinscrire'] });
    expect(keywordOf('halt', words)).toBe('opt_out');
    expect(keywordOf('desinscrire!', words)).toBe('opt_out');
    expect(keywordOf('stop', words)).toBe(null);
  });
});

describe('consent over WhatsApp', () => {
  it('STOP opts out with one confirmation; sends are then refused with 422', async () => {
    const phone = '+15552220001';
    const out = await customerWrites(kit, deviceId, 'Stop!', phone);
    expect(out.action).toBe('opted_out');
    expect(await replyText(kit, out.replyId)).toBe(OPT_OUT_CONFIRMATION);
    await inboxReceives(kit.t, OPT_OUT_CONFIRMATION, phone);

    const again = await customerWrites(kit, deviceId, 'STOP', phone);
    expect(again).toMatchObject({ action: 'none', reason: 'opted_out' });
    expect(await customerWrites(kit, deviceId, 'are you there?', phone)).toMatchObject({
      action: 'none',
      reason: 'opted_out',
    });

    const refused = await send(phone);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'RECIPIENT_OPTED_OUT' } });
    const contact = await kit.t.request({ method: 'GET', url: `/v1/contacts/${enc(phone)}` });
    expect(contact.json()).toMatchObject({ phone, optedOut: true });
  });

  it.each([
    ['+15552220002', 'Arrêt'],
    ['+15552220003', 'baja.'],
    ['+15552220004', ' sair '],
    ['+15552220005', 'STOPP'],
    ['+15552220006', 'Parar!'],
  ])('%s writing %s is opted out', async (phone, word) => {
    expect(await customerWrites(kit, deviceId, word, phone)).toMatchObject({ action: 'opted_out' });
    expect((await send(phone)).statusCode).toBe(422);
  });

  it('START opts back in with a short confirmation, and sends work again', async () => {
    const phone = '+15552220007';
    await customerWrites(kit, deviceId, 'stop', phone);
    const back = await customerWrites(kit, deviceId, 'Start', phone);
    expect(back.action).toBe('opted_in');
    expect(await replyText(kit, back.replyId)).toBe(OPT_IN_CONFIRMATION);
    expect((await send(phone)).statusCode).toBe(202);
    // START from someone subscribed is an ordinary message: the rules answer it.
    expect(await customerWrites(kit, deviceId, 'start', phone)).toMatchObject({ action: 'replied' });
  });

  it('the opt-out state can be set through the API', async () => {
    const phone = '+15552220008';
    const out = await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc(phone)}`,
      payload: { optedOut: true },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ phone, optedOut: true });
    expect((await send(phone)).statusCode).toBe(422);
    expect(await customerWrites(kit, deviceId, 'hello', phone)).toMatchObject({ reason: 'opted_out' });
    await kit.t.request({ method: 'PATCH', url: `/v1/contacts/${enc(phone)}`, payload: { optedOut: false } });
    expect((await send(phone)).statusCode).toBe(202);
  });

  it('custom opt-out words from PATCH /v1/workspace apply to inbound messages', async () => {
    const patched = await kit.t.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { optOutWords: ['basta'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(await customerWrites(kit, deviceId, 'Basta!', '+15552220009')).toMatchObject({
      action: 'opted_out',
    });
    expect(await customerWrites(kit, deviceId, 'stop', '+15552220010')).toMatchObject({ action: 'replied' });
    await kit.t.request({ method: 'PATCH', url: '/v1/workspace', payload: { optOutWords: ['STOP'] } });
  });
});
