export type ChannelErrorCode =
  'CHANNEL_NOT_CONFIGURED' | 'PROVIDER_REJECTED' | 'PROVIDER_UNAVAILABLE' | 'TIMEOUT';

/**
 * A channel send that did not go through. `retryable` tells the verification fallback whether the
 * same channel may be tried again later or it should move on. Messages are safe to log: callers
 * build them with `safeDetail`, so they never carry credentials or the message body (an OTP).
 */
export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

const MAX_DETAIL_LENGTH = 200;

/**
 * Provider answers are third-party text: some echo the request back, so anything secret we sent
 * (token, password, the body with its code) is cut out before it reaches an error message.
 */
export function safeDetail(detail: string, secrets: ReadonlyArray<string | undefined>): string {
  let text = detail;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) text = text.split(secret).join('[redacted]');
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}
