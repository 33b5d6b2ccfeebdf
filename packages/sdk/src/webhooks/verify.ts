import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent } from './events.js';

/** Headers as Node (`req.headers`), Fastify or fetch (`Headers`) hold them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far `webhook-timestamp` may be from now, either way; default 300 s (replays refused). */
  toleranceSeconds?: number;
  /** Now, for the tolerance check; default the current time. */
  now?: Date;
}

export type VerificationFailure = 'missing_headers' | 'stale_timestamp' | 'bad_signature' | 'invalid_payload';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: VerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Verifies a delivery the Standard Webhooks way and returns its event: the signature is the
 * base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed with the decoded
 * part of the secret after `whsec_`. `webhook-signature` may carry several `v1,…` (two while the
 * endpoint's secret rotates); one match is enough. `secret` may also be a list (yours, during your
 * own switch-over). Throws `WebhookVerificationError` on anything else.
 *
 * `payload` must be the exact bytes received: a parsed and re-serialised body does not verify.
 */
export function verifyWebhook(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyOptions = {},
): WebhookEvent {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  const sentAt = /^\d+$/.test(timestamp) ? Number(timestamp) : NaN;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > tolerance) {
    throw new WebhookVerificationError(
      'stale_timestamp',
      `webhook-timestamp is not within ${tolerance} s of now`,
    );
  }
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]);
  const given = signatures
    .split(' ')
    .map((part) => part.split(','))
    .filter(([version, value]) => version === 'v1' && value)
    .map(([, value]) => Buffer.from(value!, 'base64'));
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const matches = secrets.some((candidate) => {
    const expected = createHmac('sha256', secretKey(candidate)).update(signed).digest();
    return given.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected));
  });
  if (!matches) throw new WebhookVerificationError('bad_signature', 'No signature matches the payload');

  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The payload is not JSON');
  }
  if (!isEvent(event))
    throw new WebhookVerificationError('invalid_payload', 'The payload is not a WAPing event');
  return event;
}

/** `whsec_<base64>` as WAPing gives it; a bare base64 secret works too. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}

function isEvent(value: unknown): value is WebhookEvent {
  const event = value as Partial<Record<keyof WebhookEvent, unknown>> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.data === 'object'
  );
}
