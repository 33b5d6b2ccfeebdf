import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// A PATCH of the workspace read its settings before its transaction and wrote them back whole:
// two admins changing different settings at once were each answered 200, and one change was gone.
describe('workspace settings changed at once', () => {
  it('keep every change', async ({ t }) => {
    const patches = [
      { retentionDays: 45 },
      { allowOtpToOptedOut: true },
      { optOutWords: ['STOP', 'BAJA'] },
      { alertRecipients: ['ops@shop.example'] },
      { verification: { codeLength: 8 } },
      { name: 'Shop support' },
    ];
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        patches.map((payload) => t.request({ method: 'PATCH', url: '/v1/workspace', payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(patches.map(() => 200));
      const after = await t.request({ method: 'GET', url: '/v1/workspace' });
      expect(after.json()).toMatchObject({
        name: 'Shop support',
        settings: {
          retentionDays: 45,
          allowOtpToOptedOut: true,
          optOutWords: ['STOP', 'BAJA'],
          alertRecipients: ['ops@shop.example'],
          verification: { codeLength: 8 },
        },
      });
      // The next round starts from the defaults again, one change at a time.
      const reset = await t.request({
        method: 'PATCH',
        url: '/v1/workspace',
        payload: {
          retentionDays: 30,
          allowOtpToOptedOut: false,
          optOutWords: ['STOP'],
          alertRecipients: null,
          verification: { codeLength: 6 },
          name: 'Shop',
        },
      });
      expect(reset.statusCode).toBe(200);
    }
  });
});
