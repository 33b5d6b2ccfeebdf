import type { SmsSender } from './sender.js';
import { createTwilioSender } from './twilio.js';
import { createWebhookSmsSender } from './webhook.js';

export type { SmsSender, SmsSendInput } from './sender.js';
export { createTwilioSender, type TwilioOptions } from './twilio.js';
export { createWebhookSmsSender, type WebhookSmsOptions } from './webhook.js';

export interface SmsConfig {
  provider?: 'twilio' | 'webhook';
  twilio?: { accountSid?: string; authToken?: string; from?: string; baseUrl?: string };
  webhookUrl?: string;
  webhookHeaders?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * The SMS sender the config asks for, or null when SMS is not configured at all (verification then
 * skips the channel). Without an explicit provider, the one whose settings are present is used.
 * A provider with incomplete settings throws at startup rather than failing on the first code.
 */
export function createSmsSenderFromConfig(cfg: SmsConfig): SmsSender | null {
  const provider = cfg.provider ?? inferProvider(cfg);
  if (provider === 'twilio') {
    const { accountSid, authToken, from, baseUrl } = cfg.twilio ?? {};
    if (!accountSid || !authToken || !from) {
      throw missing([
        [accountSid, 'WAPING_TWILIO_ACCOUNT_SID'],
        [authToken, 'WAPING_TWILIO_AUTH_TOKEN'],
        [from, 'WAPING_TWILIO_FROM'],
      ]);
    }
    return createTwilioSender({ accountSid, authToken, from, baseUrl, timeoutMs: cfg.timeoutMs });
  }
  if (provider === 'webhook') {
    const url = cfg.webhookUrl;
    if (!url) throw missing([[url, 'WAPING_SMS_WEBHOOK_URL']]);
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
      throw new Error('WAPING_SMS_WEBHOOK_URL must be an http(s) URL');
    }
    return createWebhookSmsSender({ url, timeoutMs: cfg.timeoutMs, headers: cfg.webhookHeaders });
  }
  return null;
}

function inferProvider(cfg: SmsConfig): SmsConfig['provider'] {
  const t = cfg.twilio;
  if (t && (t.accountSid || t.authToken || t.from)) return 'twilio';
  if (cfg.webhookUrl) return 'webhook';
  return undefined;
}

function missing(settings: Array<[string | undefined, string]>): Error {
  const names = settings.filter(([value]) => !value).map(([, name]) => name);
  return new Error(`SMS is not fully configured: set ${names.join(', ')}`);
}
