import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import {
  check,
  eventsOf,
  freshPhone,
  getVerification,
  movableClock,
  startVerification,
  startVerifyKit,
  whatsappCode,
  type VerifyKit,
} from './kit.js';

const clock = movableClock();
let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ deps: { clock } });
});
afterAll(async () => {
  await kit.close();
});

describe('expiry', () => {
  it('reports expired past expiresAt, marks it once and refuses the code', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, ttlSeconds: 60 });
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(60_000);
    const code = await whatsappCode(kit.t, to);
    expect(
      await kit.t.app.ctx.db.selectFrom('messages').select('body').where('phone', '=', to).execute(),
    ).toEqual([{ body: '•••••• is your verification code. It expires in 1 minute. Do not share it.' }]);

    clock.advance(61_000);
    expect((await getVerification(kit.t, created.id)).status).toBe('expired');
    expect((await check(kit.t, created.id, code)).json()).toEqual({
      id: created.id,
      status: 'expired',
      remainingAttempts: 5,
    });
    await eventually(async () => (await eventsOf(kit.t, 'verification.failed', created.id)).length === 1);
    // Let the worker run a few more rounds: the event must still be there only once.
    const later = Date.now() + 1000;
    await eventually(async () => Date.now() > later);
    expect(await eventsOf(kit.t, 'verification.failed', created.id)).toEqual([
      { id: created.id, to, reason: 'expired' },
    ]);
    const row = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select(['status', 'sealed_code'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'expired', sealed_code: null });
    const resend = await kit.t.request({ method: 'POST', url: `/v1/verifications/${created.id}/resend` });
    expect(resend.statusCode).toBe(409);
  });

  it('is marked by the worker without any check', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, ttlSeconds: 60, locale: 'es' });
    expect(
      (await kit.t.app.ctx.db.selectFrom('messages').select('body').where('phone', '=', to).execute())[0]
        ?.body,
    ).toBe('•••••• es tu código de verificación. Caduca en 1 minuto. No lo compartas.');
    clock.advance(61_000);
    await eventually(async () => (await eventsOf(kit.t, 'verification.failed', created.id)).length === 1);
    const stored = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select('status')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('expired');
  });
});
