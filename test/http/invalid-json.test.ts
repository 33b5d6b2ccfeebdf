import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
};

const post = (t: TestApp, payload: string) =>
  t.request({
    method: 'POST',
    url: '/v1/devices',
    headers: { 'content-type': 'application/json' },
    payload,
  });

// Every malformed body was answered "The body is not valid JSON", which left the client to find
// the stray comma in a body it built by hand.
describe('a body that is not JSON', () => {
  it('is refused saying why and where, by line and column', async ({ t }) => {
    for (const [payload, said] of [
      ['{"name": "Line",}', 'expected double-quoted property name at line 1, column 17'],
      [
        '{\n  "name": "Line"\n  "engine": "sandbox"\n}',
        "expected ',' or '}' after property value at line 3, column 3",
      ],
      ['{"name": "Line"}}', 'unexpected non-whitespace character after JSON at line 1, column 17'],
      ['{"name": "Li', 'unterminated string at line 1, column 13'],
      ['{"name": ', 'it ends before the JSON value is complete'],
    ]) {
      const res = await post(t, payload!);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json<Envelope>().error, payload).toEqual({
        code: 'VALIDATION_ERROR',
        message: `The body is not valid JSON: ${said}`,
        requestId: expect.any(String),
        details: [{ field: 'body', message: `is not valid JSON: ${said}` }],
      });
    }
  });

  it('quotes none of the body back when JSON.parse would', async ({ t }) => {
    const res = await post(t, 'name=secret-value');
    expect(res.statusCode).toBe(400);
    expect(res.json<Envelope>().error.message).toBe('The body is not valid JSON');
    expect(res.body).not.toContain('secret-value');
  });

  it('says a __proto__ key is what was refused, in a body that is otherwise JSON', async ({ t }) => {
    const res = await post(t, '{"name": "Line", "__proto__": {"admin": true}}');
    expect(res.statusCode).toBe(400);
    expect(res.json<Envelope>().error.message).toBe(
      'The body holds a __proto__ or constructor.prototype key, which is refused',
    );
  });
});
