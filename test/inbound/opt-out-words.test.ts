import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordOf, optOutWordsOf } from '../../src/inbound/keywords.js';
import { customerWrites, linkDevice, startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
});
afterAll(async () => {
  await kit.close();
});

const patchWords = (optOutWords: unknown) =>
  kit.t.request({ method: 'PATCH', url: '/v1/workspace', payload: { optOutWords } });

const storedWords = async () =>
  (await kit.t.request({ method: 'GET', url: '/v1/workspace' })).json().settings.optOutWords as string[];

// A word that was blank or only punctuation was stored as "" (matching normalises punctuation
// away too): the list was then neither empty nor able to match, so STOP opted nobody out, the
// defaults were not used, and sends to people who wrote STOP went through.
describe('opt-out words that could never match', () => {
  it('are refused with a 400 naming the word, and the stored words stay', async () => {
    expect((await patchWords(['STOP', 'BASTA'])).statusCode).toBe(200);
    for (const words of [['  '], ['!!!', '...'], ['STOP', ' ?! ']]) {
      const res = await patchWords(words);
      expect(res.statusCode, JSON.stringify(words)).toBe(400);
      const bad = words.filter((w) => w !== 'STOP');
      expect(res.json()).toMatchObject({
        error: {
          code: 'VALIDATION_ERROR',
          details: bad.map((w) => ({
            field: `body.optOutWords.${words.indexOf(w)}`,
            message: expect.stringContaining(JSON.stringify(w)),
          })),
        },
      });
      expect(res.json().error.message).toContain(JSON.stringify(bad[0]));
    }
    expect(await storedWords()).toEqual(['STOP', 'BASTA']);
    // Punctuation around a word is still fine: matching ignores it.
    expect((await patchWords([' Basta! '])).statusCode).toBe(200);
    expect(await storedWords()).toEqual(['BASTA!']);
    await patchWords(['STOP']);
  });

  it('stored before this check, leave the default words in force', async () => {
    for (const stored of [[''], ['', '!!!', '...']]) {
      const words = optOutWordsOf({ optOutWords: stored });
      expect(keywordOf('stop', words), JSON.stringify(stored)).toBe('opt_out');
      expect(keywordOf('Baja.', words), JSON.stringify(stored)).toBe('opt_out');
    }

    await kit.t.app.ctx.db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ optOutWords: [''] }) })
      .where('id', '=', kit.t.workspaceId)
      .execute();
    const phone = '+15552230001';
    expect(await customerWrites(kit, deviceId, 'STOP', phone)).toMatchObject({ action: 'opted_out' });
    const refused = await kit.t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId, to: phone, type: 'text', text: { body: 'Sale today' } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'RECIPIENT_OPTED_OUT' } });
  });
});
