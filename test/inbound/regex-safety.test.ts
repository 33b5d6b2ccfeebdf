import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasNestedQuantifier, regexProblem, safeRegexTest } from '../../src/inbound/safe-regex.js';
import { createRule, customerWrites, linkDevice, startInboundApp, type InboundKit } from './kit.js';

const EVIL_INPUT = `${'a'.repeat(40)}b`;

describe('regex safety', () => {
  it('spots nested quantifiers and leaves ordinary patterns alone', () => {
    for (const p of ['(a+)+$', '(a*)*', '(\\w+\\s?)*$', '((ab)*)+', '(x{2,})+', '(?:a+)+']) {
      expect(hasNestedQuantifier(p), p).toBe(true);
    }
    for (const p of ['^order\\s+#?\\d{4,}$', '(foo)+bar', '^(\\d{3})+$', '[(]a+[)]+', '\\(a+\\)+', 'hel+o']) {
      expect(hasNestedQuantifier(p), p).toBe(false);
    }
    expect(regexProblem('(')).toMatch(/not a valid regular expression/);
  });

  it('cuts a runaway match off instead of stalling, and keeps matching afterwards', async () => {
    // Overlapping alternatives pass the shape check but still backtrack exponentially.
    expect(await safeRegexTest('(a|a)*$', EVIL_INPUT)).toBe('timed_out');
    expect(await safeRegexTest('(a+)+$', EVIL_INPUT)).toBe('timed_out');
    expect(await safeRegexTest('^a+b$', EVIL_INPUT)).toBe('match');
    expect(await safeRegexTest('^b', EVIL_INPUT)).toBe('no_match');
  });

  it('runs matches off the event loop: timers fire while a runaway match is cut off', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const outcome = await safeRegexTest('(a|a)*$', EVIL_INPUT);
    clearInterval(ticker);
    expect(outcome).toBe('timed_out');
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('regex rules over HTTP', () => {
  let kit: InboundKit;
  let deviceId: string;
  beforeAll(async () => {
    kit = await startInboundApp();
    deviceId = await linkDevice(kit.t);
  });
  afterEach(async () => {
    await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('refuses a catastrophic pattern on save, and an invalid one', async () => {
    for (const pattern of ['(a+)+$', '([a-z]+)*x', '[unclosed']) {
      const res = await kit.t.request({
        method: 'POST',
        url: '/v1/auto-replies',
        payload: { name: 'evil', match: { type: 'regex', pattern }, reply: 'x' },
      });
      expect(res.statusCode, pattern).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'VALIDATION_ERROR', details: [{ field: 'body.match.pattern' }] },
      });
    }
  });

  it('a pattern that slips past the check is cut off at run time; the next rule answers', async () => {
    await createRule(kit.t, {
      name: 'slow',
      priority: 1,
      match: { type: 'regex', pattern: '(a|a)*$' },
      reply: 'slow',
    });
    const next = await createRule(kit.t, {
      name: 'next',
      priority: 2,
      match: { type: 'any' },
      reply: 'next',
    });
    expect(await customerWrites(kit, deviceId, EVIL_INPUT)).toMatchObject({
      action: 'replied',
      ruleId: next,
    });
    const health = await kit.t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});
