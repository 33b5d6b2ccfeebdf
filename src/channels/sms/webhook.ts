import { randomBytes } from 'node:crypto';
import { safeDetail } from '../errors.js';
import { errorForStatus, postToProvider, stringField } from './http.js';
import type { SmsSender } from './sender.js';

export interface WebhookSmsOptions {
  url: string;
  timeoutMs?: number;
  /** Extra request headers, typically an Authorization header the receiving service expects. */
  headers?: Record<string, string>;
}

const PROVIDER = 'SMS webhook';

/** Hands each SMS to an operator's own HTTP service, for providers WAPing has no adapter for. */
export function createWebhookSmsSender(options: WebhookSmsOptions): SmsSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const extraHeaders = options.headers ?? {};
  // "Bearer abc" may come back as just "abc", so the credential part is a secret on its own too.
  const headerSecrets = Object.values(extraHeaders).flatMap((value) => [value, value.split(/\s+/).pop()]);
  // The URL may carry a token in its query string, so it stays out of messages too.
  const urlSecrets = [options.url, new URL(options.url).search.slice(1)];

  return {
    provider: 'webhook',
    async send({ to, body }) {
      const secrets = [...headerSecrets, ...urlSecrets, body];
      const res = await postToProvider({
        provider: PROVIDER,
        url: options.url,
        headers: { ...extraHeaders, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ to, body, channel: 'sms' }),
        timeoutMs,
        secrets,
      });
      if (res.status >= 200 && res.status < 300) {
        return { providerMessageId: stringField(res.json, 'id') ?? `sms_${randomBytes(12).toString('hex')}` };
      }
      throw errorForStatus(PROVIDER, res.status, webhookDetail(res.json, secrets));
    },
  };
}

// Accepts {"error":"…"}, {"message":"…"} and {"error":{"message":"…"}}, the common shapes.
function webhookDetail(json: unknown, secrets: ReadonlyArray<string | undefined>): string | undefined {
  const nested =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>).error : undefined;
  const text = stringField(json, 'error') ?? stringField(nested, 'message') ?? stringField(json, 'message');
  return text ? safeDetail(text, secrets) : undefined;
}
