import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  errorFromResponse,
  retryAfterMs,
  WAPingConnectionError,
  type WAPingError,
} from '../../packages/sdk/src/index.js';
// From the source, with the error classes it checks against (the built package has its own copies).
import { retryDelay } from '../../packages/sdk/src/retry.js';

// The policy's arithmetic; what the SDK does with it against a server is in retries.test.ts and limits.test.ts.
const repeatable = { repeatable: true, rateLimitIsFinal: false };
const once = { repeatable: false, rateLimitIsFinal: false };
const verification = { repeatable: true, rateLimitIsFinal: true };

const refusal = (status: number, code: string, retryAfter?: string): WAPingError =>
  errorFromResponse(
    status,
    new Headers(
      retryAfter ? { 'retry-after': retryAfter, 'x-request-id': 'req_1' } : { 'x-request-id': 'req_1' },
    ),
    { error: { code, message: code, requestId: 'req_1' } },
  );

describe('retryDelay', () => {
  it('backs off exponentially with jitter, capped, and stops after maxRetries', () => {
    const lost = new WAPingConnectionError('cut');
    const low = () => 0;
    const high = () => 0.999999;
    expect(retryDelay(lost, 0, repeatable, DEFAULT_RETRY_POLICY, low)).toBe(150);
    expect(retryDelay(lost, 0, repeatable, DEFAULT_RETRY_POLICY, high)).toBe(299);
    expect(retryDelay(lost, 2, repeatable, DEFAULT_RETRY_POLICY, low)).toBe(600);
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 10 };
    expect(retryDelay(lost, 9, repeatable, policy, high)).toBeLessThanOrEqual(policy.maxDelayMs);
    expect(retryDelay(lost, 9, repeatable, policy, low)).toBe(policy.maxDelayMs / 2);
    expect(retryDelay(lost, 3, repeatable, DEFAULT_RETRY_POLICY)).toBeNull();
  });

  it('a lost answer or a 5xx is retried only when repeating is harmless', () => {
    const lost = new WAPingConnectionError('cut');
    expect(retryDelay(lost, 0, repeatable, DEFAULT_RETRY_POLICY)).not.toBeNull();
    expect(retryDelay(lost, 0, once, DEFAULT_RETRY_POLICY)).toBeNull();
    expect(retryDelay(refusal(500, 'SERVER_ERROR'), 0, repeatable, DEFAULT_RETRY_POLICY)).not.toBeNull();
    expect(retryDelay(refusal(503, 'SERVICE_UNAVAILABLE', '1'), 0, once, DEFAULT_RETRY_POLICY)).toBeNull();
    expect(retryDelay(refusal(404, 'NOT_FOUND'), 0, repeatable, DEFAULT_RETRY_POLICY)).toBeNull();
  });

  it('honours Retry-After up to the cap; quota and per-number limits are final', () => {
    const random = () => 0;
    expect(retryDelay(refusal(429, 'RATE_LIMITED', '2'), 0, once, DEFAULT_RETRY_POLICY, random)).toBe(2037);
    expect(
      retryDelay(refusal(409, 'IDEMPOTENCY_IN_PROGRESS', '1'), 0, repeatable, DEFAULT_RETRY_POLICY, random),
    ).toBe(1037);
    expect(retryDelay(refusal(429, 'RATE_LIMITED', '61'), 0, repeatable, DEFAULT_RETRY_POLICY)).toBeNull();
    expect(retryDelay(refusal(429, 'RATE_LIMITED', '2'), 0, verification, DEFAULT_RETRY_POLICY)).toBeNull();
    expect(retryDelay(refusal(429, 'QUOTA_EXCEEDED'), 0, repeatable, DEFAULT_RETRY_POLICY)).toBeNull();
  });
});

describe('errors from answers', () => {
  it('Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 28 Nov 2026 12:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(new Headers(), now)).toBeNull();
  });

  it('a body outside the envelope still gives a typed error with the header request id', () => {
    const error = errorFromResponse(
      502,
      new Headers({ 'x-request-id': 'req_gw' }),
      '<html>Bad gateway</html>',
    );
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.name).toBe('ServerError');
    expect(error.requestId).toBe('req_gw');
    expect(errorFromResponse(418, new Headers(), { error: { code: 'NEW_CODE', message: 'm' } }).code).toBe(
      'NEW_CODE',
    );
  });
});
