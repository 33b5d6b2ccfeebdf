import { describe, expect, it } from 'vitest';
import { ConfigError, leaseTiming, loadConfig } from '../src/config.js';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      logLevel: 'info',
      sandbox: true,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('converts values from their text form', () => {
    const config = loadConfig({
      PORT: '8080',
      WAPING_SANDBOX: 'false',
      DATABASE_URL: 'postgres://u@h/db',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      sandbox: false,
      databaseUrl: 'postgres://u@h/db',
      logLevel: 'debug',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ WAPING_API_KEY: 'too-short' }, 'WAPING_API_KEY'],
    [{ WAPING_API_KEY: 'a-long-key-without-the-wap-prefix' }, 'WAPING_API_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WAPING_SANDBOX: 'maybe' }, 'WAPING_SANDBOX'],
    [{ WAPING_MASTER_KEY: 'short' }, 'WAPING_MASTER_KEY'],
    [{ WAPING_SMS_PROVIDER: 'pigeon' }, 'WAPING_SMS_PROVIDER'],
  ])('refuses %j with one line naming the variable', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(variable)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('refuses a clear-text ws:// WhatsApp endpoint, in one line naming the variable and the switch', () => {
    let error: unknown;
    try {
      loadConfig({ WAPING_WA_WS_URL: 'ws://127.0.0.1:8080/ws/chat' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith('WAPING_WA_WS_URL')).toBe(true);
    expect(message).toContain('wss://');
    expect(message).toContain('WAPING_WA_ALLOW_INSECURE_WS');
    expect(message).not.toContain('\n');
    expect(() => loadConfig({ WAPING_WA_WS_URL: 'http://127.0.0.1:8080/ws/chat' })).toThrow(ConfigError);
  });

  it('takes wss:// always, and ws:// only with the test-only switch', () => {
    expect(loadConfig({ WAPING_WA_WS_URL: 'wss://wa.test:8443/ws/chat' }).waWsUrl).toBe(
      'wss://wa.test:8443/ws/chat',
    );
    const insecure = loadConfig({
      WAPING_WA_WS_URL: 'ws://127.0.0.1:8080/ws/chat',
      WAPING_WA_ALLOW_INSECURE_WS: 'true',
    });
    expect(insecure).toMatchObject({ waWsUrl: 'ws://127.0.0.1:8080/ws/chat', waAllowInsecureWs: true });
  });

  it('takes a pinned WhatsApp Web version in its dotted form only', () => {
    expect(loadConfig({ WAPING_WA_VERSION: '2.3000.1023223821' }).waVersion).toBe('2.3000.1023223821');
    expect(loadConfig({}).waVersion).toBeUndefined();
    for (const bad of ['latest', '2.3000', '2,3000,1023223821', '2.3000.1023223821 '])
      expect(() => loadConfig({ WAPING_WA_VERSION: bad })).toThrow(/^WAPING_WA_VERSION/);
  });

  it('names the allowed values of a choice', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /one of fatal, error, warn, info, debug, trace, silent/,
    );
  });

  it('derives the lease timing from the TTL, and refuses one that could let two nodes run a device', () => {
    expect(leaseTiming(loadConfig({}))).toEqual({
      ttlMs: 6000,
      renewMs: 1500,
      renewDeadlineMs: 4000,
      pollMs: 1000,
    });
    expect(leaseTiming(loadConfig({ WAPING_LEASE_TTL_SECONDS: '30', WAPING_LEASE_POLL_MS: '500' }))).toEqual({
      ttlMs: 30_000,
      renewMs: 7500,
      renewDeadlineMs: 20_000,
      pollMs: 500,
    });
    expect(() => loadConfig({ WAPING_LEASE_RENEW_DEADLINE_MS: '6000' })).toThrow(
      /WAPING_LEASE_RENEW_DEADLINE_MS \(6000\) must be shorter than WAPING_LEASE_TTL_SECONDS/,
    );
    expect(() => loadConfig({ WAPING_LEASE_RENEW_MS: '2500' })).toThrow(
      /WAPING_LEASE_RENEW_MS \(2500\) must be at most half of WAPING_LEASE_RENEW_DEADLINE_MS/,
    );
  });
});
