import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuotaExceededError, RateLimitedError, type WAPing } from '@waping/sdk';
import { linkSandboxDevice, startFaultyProxy, startSdkServer, type SdkServer } from './server.js';

// The default workspace's plan, made small: a request limit per key and a monthly message quota.
const REQUESTS_PER_MINUTE = 60;
const MESSAGES_PER_MONTH = 8;

let s: SdkServer;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
let waping: WAPing;
let windowStartedAt = 0;

beforeAll(async () => {
  s = await startSdkServer({
    plans: {
      selfhosted: {
        devices: null,
        messagesPerMonth: MESSAGES_PER_MONTH,
        api: true,
        requestsPerMinute: REQUESTS_PER_MINUTE,
      },
    },
  });
  proxy = await startFaultyProxy(s.url);
  waping = s.client({ baseUrl: proxy.url });
  windowStartedAt = Date.now();
  // Linking polls the device often: it runs on a key of its own, so this file's key keeps its budget.
  const { key } = await waping.apiKeys.create({ name: 'linking' });
  await linkSandboxDevice(s.client({ apiKey: key }));
});
afterAll(async () => {
  await proxy?.close();
  await s?.close();
});

const requestsTo = (path: string) => proxy.seen.filter((r) => r.path.startsWith(path)).length;

describe('limits the SDK must not retry', () => {
  it('a per-number verification limit is thrown at once with retryAfterMs, never retried', async () => {
    const to = '+15550400100';
    // Five sends per number in ten minutes: the sixth start is refused (docs/otp.md, "Limits").
    for (let i = 0; i < 5; i++) await waping.verifications.start({ to, channels: ['whatsapp'] });
    const before = requestsTo('/v1/verifications');
    const error = await waping.verifications.start({ to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    const limited = error as RateLimitedError;
    expect(limited.details).toMatchObject({ limit: 5, windowSeconds: 600 });
    expect(limited.retryAfterMs).toBe(limited.details!.retryAfterSeconds * 1000);
    expect(limited.retryAfterMs).toBeGreaterThan(60_000);
    expect(requestsTo('/v1/verifications') - before).toBe(1);
  });

  it('QUOTA_EXCEEDED is thrown at once, never retried', async () => {
    // The verifications above sent WhatsApp messages too: send until the quota refuses.
    let error: unknown;
    for (let i = 0; i <= MESSAGES_PER_MONTH && !error; i++) {
      const before = requestsTo('/v1/messages');
      error = await waping.messages
        .send({ to: `+155504000${String(i).padStart(2, '0')}`, type: 'text', text: { body: `q${i}` } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(requestsTo('/v1/messages') - before).toBe(1);
    }
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect((error as QuotaExceededError).status).toBe(429);
    expect((error as QuotaExceededError).details).toMatchObject({ limit: MESSAGES_PER_MONTH });
    expect((error as QuotaExceededError).requestId).toMatch(/^req_/);
  });
});

describe('the request rate limit (429 RATE_LIMITED with Retry-After)', () => {
  it('past the limit: RateLimitedError with retryAfterMs from Retry-After, thrown at once when over the cap', async () => {
    const impatient = s.client({ baseUrl: proxy.url, maxRetryAfterMs: 1_000 });
    let error: unknown;
    for (let i = 0; i <= REQUESTS_PER_MINUTE && !error; i++) {
      error = await impatient.templates
        .list()
        .page()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    const limited = error as RateLimitedError;
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.requestId).toMatch(/^req_/);
    expect(limited.retryAfterMs).toBe(Number(limited.headers!.get('retry-after')) * 1000);
    expect(limited.retryAfterMs).toBeGreaterThan(1_000);
    expect(limited.details).toMatchObject({ limit: REQUESTS_PER_MINUTE, windowSeconds: 60 });

    const before = proxy.seen.length;
    await expect(impatient.templates.list().page()).rejects.toBeInstanceOf(RateLimitedError);
    expect(proxy.seen.length - before).toBe(1);
  });

  it('within the cap it waits for Retry-After and the same create then goes through once', async () => {
    const before = proxy.seen.length;
    // The key's window opened when this file started; the SDK waits out what is left of it.
    const template = await waping.templates.create({ name: 'after-the-wait', body: 'Hello {{name}}' });
    const attempts = proxy.seen.slice(before);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    expect(Date.now() - windowStartedAt).toBeGreaterThanOrEqual(59_000);
    const all = await s.client().templates.list().toArray();
    expect(all.filter((t) => t.name === 'after-the-wait').map((t) => t.id)).toEqual([template.id]);
  }, 90_000);
});
