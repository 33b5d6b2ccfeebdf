import { describe, expect, it } from 'vitest';
import { createSmsSenderFromConfig } from '../../src/channels/sms/index.js';

const twilio = { accountSid: 'AC123', authToken: 'secret', from: '+15550001111' };

describe('createSmsSenderFromConfig', () => {
  it('returns null when no SMS provider is configured', () => {
    expect(createSmsSenderFromConfig({})).toBeNull();
    expect(createSmsSenderFromConfig({ twilio: {} })).toBeNull();
  });

  it('builds the named provider', () => {
    expect(createSmsSenderFromConfig({ provider: 'twilio', twilio })?.provider).toBe('twilio');
    expect(
      createSmsSenderFromConfig({ provider: 'webhook', webhookUrl: 'http://127.0.0.1:9/sms' })?.provider,
    ).toBe('webhook');
  });

  it('picks the provider whose settings are present when none is named', () => {
    expect(createSmsSenderFromConfig({ twilio })?.provider).toBe('twilio');
    expect(createSmsSenderFromConfig({ webhookUrl: 'https://sms.example.com/send' })?.provider).toBe(
      'webhook',
    );
  });

  it('names every missing Twilio variable', () => {
    expect(() => createSmsSenderFromConfig({ provider: 'twilio' })).toThrow(
      'WAPING_TWILIO_ACCOUNT_SID, WAPING_TWILIO_AUTH_TOKEN, WAPING_TWILIO_FROM',
    );
    expect(() => createSmsSenderFromConfig({ provider: 'twilio', twilio: { ...twilio, from: '' } })).toThrow(
      /set WAPING_TWILIO_FROM$/,
    );
    expect(() => createSmsSenderFromConfig({ twilio: { accountSid: 'AC123' } })).toThrow(
      'WAPING_TWILIO_AUTH_TOKEN',
    );
  });

  it('names the missing or malformed webhook URL', () => {
    expect(() => createSmsSenderFromConfig({ provider: 'webhook' })).toThrow('WAPING_SMS_WEBHOOK_URL');
    expect(() => createSmsSenderFromConfig({ provider: 'webhook', webhookUrl: 'ftp://x' })).toThrow(
      'WAPING_SMS_WEBHOOK_URL must be an http(s) URL',
    );
  });
});
