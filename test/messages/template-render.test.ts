import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

async function sendTemplate(t: TestApp, name: string, body: string, variables?: Record<string, unknown>) {
  await t.request({ method: 'POST', url: '/v1/templates', payload: { name, body } });
  return t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: {
      to: '+15551239001',
      type: 'template',
      template: { name, ...(variables ? { variables } : {}) },
    },
  });
}

describe('a template filled for a send', () => {
  it.beforeAll(async ({ t }) => {
    await linkSandboxDevice(t);
  });

  // Variables were looked up on a plain object: {{constructor}} with no variables given was
  // "function Object() { [native code] }", and that text reached the customer.
  it('takes only the variables given, whatever their names', async ({ t }) => {
    const missing = await sendTemplate(t, 'internals', 'Hi {{constructor}} / {{toString}} / {{__proto__}}');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe(
      'Missing template variable "constructor", "toString", "__proto__"',
    );
    const filled = await sendTemplate(t, 'named so', 'Hi {{constructor}} {{toString}}', {
      constructor: 'Ann',
      toString: 'and Bo',
    });
    expect(filled.statusCode).toBe(202);
    expect(filled.json()).toMatchObject({ body: 'Hi Ann and Bo' });
  });

  // A text body must have 1 to 4,096 characters; a template filled to nothing, or to more, was sent.
  it('is refused when it comes out empty or longer than a text may be', async ({ t }) => {
    const empty = await sendTemplate(t, 'empty', '{{x}}', { x: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'The template filled with these variables is empty',
    });
    const parts = (last: number) => ({
      a: 'x'.repeat(1023),
      b: 'x'.repeat(1023),
      c: 'x'.repeat(1023),
      d: 'x'.repeat(last),
    });
    const long = await sendTemplate(t, 'long', 'Dear {{a}}{{b}}{{c}}{{d}}', parts(1023));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe(
      'The template filled with these variables has 4097 characters; a message has at most 4096',
    );
    const fits = await sendTemplate(t, 'fits', 'Dear {{a}}{{b}}{{c}}{{d}}', parts(1022));
    expect(fits.statusCode).toBe(202);
  });
});
