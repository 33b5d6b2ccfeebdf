import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookSmsSender } from '../../src/channels/sms/webhook.js';
import { startHttpRecorder, unusedPort, type Answer } from './http-recorder.js';
import { expectChannelError } from './expect-channel-error.js';

const SECRET = 'Bearer hook-secret-123';
const BODY = 'Your WAPing code is 730114';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function webhookAt(answer: () => Answer, timeoutMs?: number) {
  const server = await startHttpRecorder(answer);
  closers.push(server.close);
  const sender = createWebhookSmsSender({
    url: `${server.url}/sms?key=query-secret-456`,
    timeoutMs,
    headers: { authorization: SECRET },
  });
  return { server, sender };
}

const sendError = (promise: Promise<unknown>) =>
  expectChannelError(promise, [SECRET, 'hook-secret-123', 'query-secret-456', '730114']);

describe('webhook SMS sender', () => {
  it('posts the SMS as JSON with the configured headers and returns the id it answers', async () => {
    const { server, sender } = await webhookAt(() => ({ status: 200, json: { id: 'gw-42' } }));
    await expect(sender.send({ to: '+15551234567', body: BODY })).resolves.toEqual({
      providerMessageId: 'gw-42',
    });

    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/sms?key=query-secret-456');
    expect(req?.headers.authorization).toBe(SECRET);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ to: '+15551234567', body: BODY, channel: 'sms' });
  });

  it('makes up an sms_ id when the receiver answers 2xx without one', async () => {
    const { sender } = await webhookAt(() => ({ status: 204 }));
    const { providerMessageId } = await sender.send({ to: '+15551234567', body: BODY });
    expect(providerMessageId).toMatch(/^sms_[0-9a-f]{24}$/);
  });

  it('reports a 4xx as a final rejection without echoing secrets or the body', async () => {
    const { sender } = await webhookAt(() => ({
      status: 422,
      json: { error: { message: `cannot send "${BODY}" with ${SECRET}` } },
    }));
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: false });
    expect(err.message).toContain('422');
    expect(err.message).toContain('cannot send');
  });

  it('treats 429 as retryable and 5xx as unavailable', async () => {
    const limited = await webhookAt(() => ({ status: 429, json: { error: 'slow down' } }));
    const limitedErr = await sendError(limited.sender.send({ to: '+15551234567', body: BODY }));
    expect(limitedErr).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: true });

    const down = await webhookAt(() => ({ status: 502, text: '<html>bad gateway</html>' }));
    const downErr = await sendError(down.sender.send({ to: '+15551234567', body: BODY }));
    expect(downErr).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
  });

  it('gives up with TIMEOUT on a receiver that never answers', async () => {
    const { sender } = await webhookAt(() => null, 200);
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('reports nothing listening as PROVIDER_UNAVAILABLE', async () => {
    const sender = createWebhookSmsSender({
      url: `http://127.0.0.1:${await unusedPort()}/sms?key=query-secret-456`,
      headers: { authorization: SECRET },
    });
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
  });
});
