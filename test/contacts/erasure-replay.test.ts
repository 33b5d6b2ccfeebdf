import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, waitForStatus } from '../helpers/sandbox.js';

const it = appTest();

const enc = encodeURIComponent;

// The idempotency record of a send kept its answer, text included, for 24 hours: after the
// contact was erased, the same POST with the same Idempotency-Key replayed the erased text.
describe('erasing a contact with a keyed send', () => {
  it('leaves no replay that shows the text, and the key still sends nothing new', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550004201' });
    const c = '+15556664201';
    const send = () =>
      t.request({
        method: 'POST',
        url: '/v1/messages',
        headers: { 'idempotency-key': 'erase-me-1' },
        payload: { deviceId, to: c, type: 'text', text: { body: 'secret text' } },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(202);
    const { id } = first.json<{ id: string }>();
    await waitForStatus(t, id, 'read');
    expect((await send()).json()).toMatchObject({ id, body: 'secret text' });

    expect((await t.request({ method: 'DELETE', url: `/v1/contacts/${enc(c)}` })).statusCode).toBe(200);

    const replayed = await send();
    expect(replayed.statusCode).toBe(202);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toMatchObject({ id, body: null, status: 'read' });
    expect(replayed.body).not.toContain('secret text');
    const sent = await t.request({ method: 'GET', url: `/v1/messages?to=${enc(c)}` });
    expect(sent.json().data).toHaveLength(1);
  });
});
