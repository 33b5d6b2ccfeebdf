import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

// A client joining a base URL that ends in a slash with a path that starts with one, or adding a
// slash at the end, reaches the route it meant: before, `/v1/messages/` was `/v1/messages/:id` with
// an empty id (a 400 about the id) and `/v1//devices` no route at all.
describe('a slash too many in the path', () => {
  it('at the end reaches the same route', async ({ t }) => {
    await linkSandboxDevice(t);
    const sent = await t.request({
      method: 'POST',
      url: '/v1/messages/',
      payload: { to: '+15551234567', type: 'text', text: { body: 'Hello' } },
    });
    expect(sent.statusCode).toBe(202);
    const list = await t.request({ method: 'GET', url: '/v1/messages/?limit=5' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ data: Array<{ id: string }> }>().data.map((m) => m.id)).toEqual([
      sent.json<{ id: string }>().id,
    ]);
  });

  it('doubled reaches the same route', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1//devices' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual((await t.request({ method: 'GET', url: '/v1/devices' })).json());
  });
});
