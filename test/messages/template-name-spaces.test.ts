import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

// "otp " and "otp" were two templates that look the same in every list, and a send by the name
// "otp" always took the one without the space. A name is now stored trimmed, as a workspace's is,
// and looked up trimmed.
describe("a template name's trailing spaces", () => {
  it('are dropped: the same name is taken, and a send by either spelling finds it', async ({ t }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'login code  ', body: 'Your code is {{code}}' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'login code' });

    const twin = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'login code', body: 'Another {{code}}' },
    });
    expect(twin.statusCode).toBe(409);

    const other = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'welcome', body: 'Hi' },
    });
    const renamed = await t.request({
      method: 'PATCH',
      url: `/v1/templates/${other.json<{ id: string }>().id}`,
      payload: { name: 'login code ' },
    });
    expect(renamed.statusCode).toBe(409);

    await linkSandboxDevice(t);
    const sent = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: {
        to: '+15551234567',
        type: 'template',
        template: { name: 'login code ', variables: { code: '4821' } },
      },
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({
      body: 'Your code is 4821',
      templateId: created.json<{ id: string }>().id,
    });
  });
});
