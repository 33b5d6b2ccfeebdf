import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { makeMessage } from '../helpers/factories.js';

const it = appTest();

const NUMBERS = ['+15557001234', '+15551235557', '+4915112345678'];

it.beforeAll(async ({ t }) => {
  for (const phone of NUMBERS) {
    await makeMessage(t.app.ctx.db, {
      workspace_id: t.workspaceId,
      phone,
      status: 'read',
      body: `to ${phone}`,
    });
  }
});

describe('the message log filtered by number', () => {
  const numbersFor = async (t: TestApp, to: string) => {
    const res = (
      await t.request({ method: 'GET', url: `/v1/messages?to=${encodeURIComponent(to)}` })
    ).json() as {
      data: Array<{ to: string }>;
    };
    return res.data.map((m) => m.to).sort();
  };

  it('matches a whole number exactly', async ({ t }) => {
    expect(await numbersFor(t, '+1 555 700 1234')).toEqual(['+15557001234']);
  });

  it('matches bare digits anywhere in the number', async ({ t }) => {
    expect(await numbersFor(t, '5557')).toEqual(['+15551235557', '+15557001234']);
    expect(await numbersFor(t, '123-45')).toEqual(['+4915112345678']);
  });

  it('matches a number started with + from its start', async ({ t }) => {
    expect(await numbersFor(t, '+491')).toEqual(['+4915112345678']);
    expect(await numbersFor(t, '+1555')).toEqual(['+15551235557', '+15557001234']);
  });

  it('refuses fewer than 3 digits or letters with a clear 400', async ({ t }) => {
    for (const to of ['55', 'abc', '+1%']) {
      const res = await t.request({ method: 'GET', url: `/v1/messages?to=${encodeURIComponent(to)}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/at least 3 of its digits/);
    }
  });
});
