import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  judgeAttempt,
  parseRetryAfter,
  parseSchedule,
} from '../../src/webhooks/retry-policy.js';
import { snippetOf } from '../../src/webhooks/http-post.js';
import { generateSecret, SecretBox, signatureHeaders } from '../../src/webhooks/signing.js';
import { loadConfig } from '../../src/config.js';

describe('retry policy', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default, then gives up', () => {
    const schedule = parseSchedule(loadConfig({ WAPING_MASTER_KEY: 'k'.repeat(32) }).webhookRetryScheduleMs);
    expect(schedule).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
    const delays = schedule.map((_, step) => judgeAttempt({ statusCode: 500 }, step, schedule));
    expect(delays.map((v) => (v.kind === 'retry' ? v.delayMs / 1000 : v.kind))).toEqual([
      5, 300, 1800, 7200, 18000, 36000, 36000,
    ]);
    expect(judgeAttempt({ statusCode: 500 }, 7, schedule)).toEqual({ kind: 'exhausted' });
    expect(judgeAttempt({ statusCode: null }, 0, schedule)).toEqual({ kind: 'retry', delayMs: 5000 });
  });

  it('treats 2xx as success and 410 as gone', () => {
    expect(judgeAttempt({ statusCode: 204 }, 3, [1])).toEqual({ kind: 'succeeded' });
    expect(judgeAttempt({ statusCode: 410 }, 0, [1])).toEqual({ kind: 'gone' });
    expect(judgeAttempt({ statusCode: 301 }, 0, [1])).toEqual({ kind: 'retry', delayMs: 1 });
  });

  it('honours Retry-After on 429 and 503 only, in seconds or as a date, within a day', () => {
    expect(judgeAttempt({ statusCode: 429, retryAfterMs: 9000 }, 0, [1])).toEqual({
      kind: 'retry',
      delayMs: 9000,
    });
    expect(judgeAttempt({ statusCode: 503, retryAfterMs: 0 }, 0, [1])).toEqual({ kind: 'retry', delayMs: 0 });
    expect(judgeAttempt({ statusCode: 500, retryAfterMs: 9000 }, 0, [1])).toEqual({
      kind: 'retry',
      delayMs: 1,
    });
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('9999999', now)).toBe(24 * 3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('keeps at most 1 KB of an answer, without splitting a character', () => {
    expect(Buffer.byteLength(snippetOf([Buffer.from('é'.repeat(1000))]))).toBeLessThanOrEqual(1024);
    expect(snippetOf([Buffer.from('é'.repeat(1000))])).toBe('é'.repeat(512));
    expect(snippetOf([Buffer.from('ok')])).toBe('ok');
  });
});

describe('signing', () => {
  it('produces headers the official library verifies, one signature per secret', () => {
    const secrets = [generateSecret(), generateSecret()];
    const body = '{"id":"evt_1","type":"message.read"}';
    const headers = signatureHeaders(secrets, 'evt_1', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of secrets) expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secrets[0]!).verify(`${body} `, headers)).toThrow();
  });

  it('seals secrets to their endpoint', () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal('whk_a', 'whsec_abc');
    expect(sealed).not.toContain('abc');
    expect(box.open('whk_a', sealed)).toBe('whsec_abc');
    expect(() => box.open('whk_b', sealed)).toThrow();
  });
});
