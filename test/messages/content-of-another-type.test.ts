import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

// A message's `type` says which of `text`, `template` and the media fields it carries. The media
// fields on a text message were refused; `text` on a template or an image, and `template` on a
// text, were dropped without a word: an image sent with its words in `text` reached the customer
// without them.
describe('the content field of another type on POST /v1/messages', () => {
  it('is refused, naming the field and the type, and nothing is stored', async ({ t }) => {
    await linkSandboxDevice(t);
    const template = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'otp', body: 'Your code is {{code}}' },
    });
    expect(template.statusCode).toBe(201);

    const cases: Array<{ payload: object; field: string; message: string; top: string }> = [
      {
        payload: {
          to: '+15551234567',
          type: 'template',
          template: { name: 'otp', variables: { code: '1234' } },
          text: { body: 'Your code is 1234' },
        },
        field: 'body.text',
        message: 'is not allowed for type "template"',
        top: 'text is only for type "text"',
      },
      {
        payload: { to: '+15551234567', type: 'text', text: { body: 'Hi' }, template: { name: 'otp' } },
        field: 'body.template',
        message: 'is not allowed for type "text"',
        top: 'template is only for type "template"',
      },
      {
        payload: {
          to: '+15551234567',
          type: 'image',
          media: { url: 'https://files.example.com/receipt.jpg' },
          text: { body: 'Your receipt' },
        },
        field: 'body.text',
        message: 'is not allowed for type "image"; the words of a media message are its "caption"',
        top: 'text is only for type "text"',
      },
    ];
    for (const { payload, field, message, top } of cases) {
      const res = await t.request({ method: 'POST', url: '/v1/messages', payload });
      expect(res.statusCode, field).toBe(400);
      const { error } = res.json() as Envelope;
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.message).toBe(top);
      expect(error.details).toEqual([{ field, message }]);
    }
    const log = await t.request({ method: 'GET', url: '/v1/messages' });
    expect(log.json()).toMatchObject({ data: [] });
  });
});
