import type { Config } from '../config.js';

/**
 * Which delivery channels this server can use, from its configuration: SMS when a provider is
 * set (an incomplete one stops the server at startup), email when an SMTP server is.
 */
export function configuredChannels(config: Config): { whatsapp: true; sms: boolean; email: boolean } {
  const sms = Boolean(
    config.smsProvider ||
    config.twilioAccountSid ||
    config.twilioAuthToken ||
    config.twilioFrom ||
    config.smsWebhookUrl,
  );
  return { whatsapp: true, sms, email: Boolean(config.smtpUrl) };
}
