export interface SmsSendInput {
  /** E.164, e.g. +15551234567 */
  to: string;
  body: string;
}

export interface SmsSender {
  readonly provider: string;
  /** Resolves once the provider accepted the message; throws ChannelError otherwise. */
  send(input: SmsSendInput): Promise<{ providerMessageId: string }>;
}
