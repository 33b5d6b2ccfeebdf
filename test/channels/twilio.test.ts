import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioSender } from '../../src/channels/sms/twilio.js';
import { startFakeTwilio } from './helpers.js';
import { startHttpRecorder, unusedPort, type Answer, type HttpRecorder } from './http-recorder.js';
import { expectChannelError } from './expect-channel-error.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'tok_super_secret_value';
const BODY = 'Your WAPing code is 482913';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function twilioAt(
  answer: (path: string) => Answer,
  options: { from?: string; timeoutMs?: number } = {},
) {
  const server: HttpRecorder = await startHttpRecorder((req) => answer(req.path));
  closers.push(server.close);
  const sender = createTwilioSender({
    accountSid: SID,
    authToken: TOKEN,
    from: options.from ?? '+15550001111',
    baseUrl: server.url,
    timeoutMs: options.timeoutMs,
  });
  return { server, sender };
}

const sendError = (promise: Promise<unknown>) => expectChannelError(promise, [TOKEN, '482913']);

describe('Twilio SMS sender', () => {
  it('posts the form to the Messages endpoint with Basic auth and returns the sid', async () => {
    const { server, sender } = await twilioAt(() => ({
      status: 201,
      json: { sid: 'SM123', status: 'queued' },
    }));
    const result = await sender.send({ to: '+15551234567', body: BODY });

    expect(result).toEqual({ providerMessageId: 'SM123' });
    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req?.body);
    expect(Object.fromEntries(form)).toEqual({ To: '+15551234567', From: '+15550001111', Body: BODY });
  });

  it('sends a Messaging Service SID as MessagingServiceSid instead of From', async () => {
    const { server, sender } = await twilioAt(() => ({ status: 200, json: { sid: 'SM456' } }), {
      from: 'MG0123456789abcdef0123456789abcdef',
    });
    await sender.send({ to: '+15551234567', body: BODY });
    const form = new URLSearchParams(server.requests[0]?.body);
    expect(form.get('MessagingServiceSid')).toBe('MG0123456789abcdef0123456789abcdef');
    expect(form.has('From')).toBe(false);
  });

  it('reports a 400 with Twilio error JSON as a final rejection carrying the Twilio code', async () => {
    const { sender } = await twilioAt(() => ({
      status: 400,
      json: { code: 21211, message: `Invalid 'To' Phone Number for "${BODY}"`, status: 400 },
    }));
    const err = await sendError(sender.send({ to: '+1555', body: BODY }));
    expect(err.code).toBe('PROVIDER_REJECTED');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('21211');
    expect(err.message).toContain('400');
  });

  it('treats 429 as a retryable rejection', async () => {
    const { sender } = await twilioAt(() => ({
      status: 429,
      json: { code: 20429, message: 'Too Many Requests' },
    }));
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err.code).toBe('PROVIDER_REJECTED');
    expect(err.retryable).toBe(true);
  });

  it('treats a 503 as the provider being unavailable, retryable', async () => {
    const { sender } = await twilioAt(() => ({ status: 503, text: 'upstream down' }));
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.retryable).toBe(true);
  });

  it('gives up with TIMEOUT on a server that never answers', async () => {
    const { sender } = await twilioAt(() => null, { timeoutMs: 200 });
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err.code).toBe('TIMEOUT');
    expect(err.retryable).toBe(true);
  });

  it('reports nothing listening as PROVIDER_UNAVAILABLE', async () => {
    const sender = createTwilioSender({
      accountSid: SID,
      authToken: TOKEN,
      from: '+15550001111',
      baseUrl: `http://127.0.0.1:${await unusedPort()}`,
    });
    const err = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.retryable).toBe(true);
  });
});

describe('startFakeTwilio', () => {
  it('records accepted messages, checks credentials and fails on demand', async () => {
    const twilio = await startFakeTwilio();
    closers.push(twilio.close);
    const sender = createTwilioSender({ ...twilio, from: '+15550001111' });

    const sent = await sender.send({ to: '+15551234567', body: BODY });
    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    await expect(twilio.waitForRequest((r) => r.to === '+15551234567')).resolves.toEqual({
      to: '+15551234567',
      from: '+15550001111',
      body: BODY,
    });

    twilio.failNext(503);
    const unavailable = await sendError(sender.send({ to: '+15551234567', body: BODY }));
    expect(unavailable.retryable).toBe(true);
    expect(twilio.requests).toHaveLength(1);

    const wrongToken = createTwilioSender({ ...twilio, authToken: 'wrong-token', from: '+15550001111' });
    const unauthorized = await sendError(wrongToken.send({ to: '+15551234567', body: BODY }));
    expect(unauthorized).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: false });
    expect(unauthorized.message).toContain('20003');
  });
});
