import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { exchange, listenLocal } from '../helpers/raw-http.js';

const it = appTest();

// An answer sent before the request's body had arrived (a bad API key on a POST) left out
// `Connection: close`, then the server closed the connection once the body came in: a keep-alive
// client put the socket back in its pool and its next request failed now and then with "other
// side closed". The answer now says the connection closes.
describe('an answer sent before the body arrived', () => {
  it('says Connection: close, and the server closes only after reading the body', async ({ t }) => {
    const port = await listenLocal(t.app);
    const body = JSON.stringify({ to: '+15550100001', type: 'text', text: { body: 'hi' } });
    const head =
      'POST /v1/messages HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n' +
      'Authorization: Bearer wap_not-a-key\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // The body is sent only once the answer came, so it is answered before the body arrived.
    const res = await exchange(
      port,
      (socket) => {
        socket.write(head);
        socket.once('data', () => socket.write(body));
      },
      10_000,
    );
    expect(res.status, res.text).toBe(401);
    const headers = res.text.slice(0, res.text.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/\r\nconnection: close\r\n/i);
    expect(res.ending).toBe('closed');
    expect(res.errors).toEqual([]);
    expect(res.unsent).toBe(0);
  });

  it('a bodiless request keeps its connection', async ({ t }) => {
    const port = await listenLocal(t.app);
    const res = await exchange(
      port,
      ['GET /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wap_not-a-key\r\n\r\n'],
      500,
    );
    expect(res.status).toBe(401);
    expect(res.text).toMatch(/\r\nconnection: keep-alive\r\n/i);
  });
});
