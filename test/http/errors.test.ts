import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest({ env: { WAPING_BODY_LIMIT_BYTES: '2048' } });

function expectEnvelope(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const body = res.json() as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
  return body.error;
}

describe('bad input always gets a 4xx in the envelope', () => {
  it('unknown route → 404', async ({ t }) => {
    expectEnvelope(await t.request({ method: 'GET', url: '/v1/nothing-here' }), 404, 'NOT_FOUND');
    expectEnvelope(await t.app.inject({ method: 'POST', url: '/nope' }), 404, 'NOT_FOUND');
  });

  it('malformed JSON → 400', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectEnvelope(res, 400, 'VALIDATION_ERROR');
  });

  it('empty JSON body → 400', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectEnvelope(res, 400, 'VALIDATION_ERROR');
  });

  it('wrong content type → 415', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expectEnvelope(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const xml = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectEnvelope(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('oversized body → 413', async ({ t }) => {
    const res = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'x'.repeat(5000) } });
    expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('schema failures name the failing field', async ({ t }) => {
    const missing = expectEnvelope(
      await t.request({ method: 'POST', url: '/v1/api-keys', payload: {} }),
      400,
      'VALIDATION_ERROR',
    );
    expect(missing.message).toContain('body.name');
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      payload: { name: 'a', extra: 1 },
    });
    expect(expectEnvelope(unknown, 400, 'VALIDATION_ERROR')).toMatchObject({
      message: 'body.extra is not a known field',
    });
    expect(unknown.json().error.details).toEqual([{ field: 'body.extra', message: 'is not a known field' }]);
    const badScope = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      payload: { name: 'a', scopes: ['root'] },
    });
    expectEnvelope(badScope, 400, 'VALIDATION_ERROR');
    const badQuery = await t.request({ method: 'GET', url: '/v1/api-keys?limit=0' });
    expect(expectEnvelope(badQuery, 400, 'VALIDATION_ERROR').message).toContain('querystring.limit');
    const badCursor = await t.request({ method: 'GET', url: '/v1/api-keys?cursor=zzz' });
    expectEnvelope(badCursor, 400, 'VALIDATION_ERROR');
    const badId = await t.request({ method: 'DELETE', url: '/v1/api-keys/not-an-id' });
    expect(expectEnvelope(badId, 400, 'VALIDATION_ERROR').message).toContain('params.id');
  });

  it('a well-formed id that does not exist → 404', async ({ t }) => {
    expectEnvelope(
      await t.request({ method: 'DELETE', url: '/v1/api-keys/key_01m8b8xma15em99q5xmc7vak9t' }),
      404,
      'NOT_FOUND',
    );
  });

  it('keeps a sane client request id and makes one otherwise', async ({ t }) => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const junk = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(junk.headers['x-request-id']).toMatch(/^req_/);
  });
});
