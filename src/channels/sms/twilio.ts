import { ChannelError, safeDetail } from '../errors.js';
import { errorForStatus, postToProvider, stringField } from './http.js';
import type { SmsSender } from './sender.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** A sender number (E.164), alphanumeric sender id, or a Messaging Service SID (MG…). */
  from: string;
  /** Overridable so tests and Twilio-compatible providers can stand in. */
  baseUrl?: string;
  timeoutMs?: number;
}

const PROVIDER = 'Twilio';

export function createTwilioSender(options: TwilioOptions): SmsSender {
  const baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  // A Messaging Service picks the sender number itself; Twilio wants it in its own field.
  const senderField = options.from.startsWith('MG') ? 'MessagingServiceSid' : 'From';

  return {
    provider: 'twilio',
    async send({ to, body }) {
      const secrets = [options.authToken, authorization, body];
      const form = new URLSearchParams({ To: to, [senderField]: options.from, Body: body });
      const res = await postToProvider({
        provider: PROVIDER,
        url,
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        timeoutMs,
        secrets,
      });
      if (res.status >= 200 && res.status < 300) {
        const sid = stringField(res.json, 'sid');
        if (!sid) {
          // Accepted but unidentifiable: retrying could send the code twice, so do not.
          throw new ChannelError('PROVIDER_UNAVAILABLE', `${PROVIDER} answered without a message sid`, false);
        }
        return { providerMessageId: sid };
      }
      throw errorForStatus(PROVIDER, res.status, twilioDetail(res.json, secrets));
    },
  };
}

// Twilio errors look like {"code":21211,"message":"Invalid 'To' Phone Number","status":400,…}.
function twilioDetail(json: unknown, secrets: ReadonlyArray<string | undefined>): string | undefined {
  const code = stringField(json, 'code');
  const message = stringField(json, 'message');
  if (!code && !message) return undefined;
  const text = [code ? `code ${code}` : undefined, message].filter(Boolean).join(' ');
  return safeDetail(text, secrets);
}
