import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

const send = async (t: TestApp, url: string, payload: object) => {
  const res = await t.request({ method: 'POST', url, payload });
  expect(res.statusCode).toBe(400);
  return (res.json() as Envelope).error;
};

// A backend moving from WhatsApp's Cloud API sends its bodies first. Before, each of these fields
// was only "not a known field", and the client had to find in the docs what WAPing takes instead.
describe('a field of the WhatsApp Cloud API on POST /v1/messages', () => {
  it('says what WAPing takes in its place', async ({ t }) => {
    const image = await send(t, '/v1/messages', {
      to: '+15551234567',
      type: 'image',
      image: { link: 'https://files.example.com/a.jpg' },
    });
    expect(image.code).toBe('VALIDATION_ERROR');
    expect(image.message).toBe(
      'body.image is not a known field: a file is sent as "media": {"url": "https://…"} or {"id": "med_…"}, with "type": "image"',
    );

    const document = await send(t, '/v1/messages', {
      to: '+15551234567',
      type: 'document',
      document: { id: '12345' },
    });
    expect(document.details).toEqual([
      {
        field: 'body.document',
        message:
          'is not a known field: a file is sent as "media": {"url": "https://…"} or {"id": "med_…"}, with "type": "document"',
      },
    ]);

    const product = await send(t, '/v1/messages', {
      messaging_product: 'whatsapp',
      to: '+15551234567',
      type: 'text',
      text: { body: 'hi' },
    });
    expect(product.message).toBe(
      'body.messaging_product is not a known field: WAPing sends on WhatsApp only; leave it out',
    );

    const template = await send(t, '/v1/messages', {
      to: '+15551234567',
      type: 'template',
      template: { name: 'otp', language: { code: 'en_US' } },
    });
    expect(template.message).toBe(
      'body.template.language is not a known field: a template is one of this workspace\'s (POST /v1/templates), filled with "variables": {"name": "value"}',
    );
  });

  it('is a plain unknown field on a route where it means nothing', async ({ t }) => {
    const error = await send(t, '/v1/templates', { name: 'otp', body: 'Code {{code}}', image: {} });
    expect(error.details).toEqual([{ field: 'body.image', message: 'is not a known field' }]);
  });
});
