/** The API's reason codes in words a person reads; the code itself stays visible next to it. */
const REASONS: Record<string, string> = {
  CHANNEL_NOT_CONFIGURED: 'this channel is not set up on the server',
  all_channels_failed: 'no channel could deliver the code',
  max_attempts_reached: 'too many wrong codes',
  expired: 'the code expired',
  SESSION_DISCONNECTED: 'no WhatsApp device was connected',
  RECIPIENT_NOT_ON_WHATSAPP: 'the number is not on WhatsApp',
  NOT_DELIVERED_IN_TIME: 'not delivered in time',
  SEND_FAILED: 'the send failed',
  PROVIDER_REJECTED: 'the provider refused it',
  PROVIDER_UNAVAILABLE: 'the provider could not be reached',
  TIMEOUT: 'the provider did not answer in time',
};

export const reasonText = (code: string): string => REASONS[code] ?? code.replace(/_/g, ' ').toLowerCase();
