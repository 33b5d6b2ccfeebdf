/**
 * The API names fields the way a client writes them (`to must be…`, `body.name must NOT…`); the
 * dashboard's forms have labels instead, so a refusal is put in a person's words here. The API's
 * own messages stay as they are for API clients.
 */
const FIELD_WORDS: Record<string, string> = {
  to: 'The number',
  phone: 'The number',
  from: 'The number',
  name: 'The name',
  text: 'The message',
  body: 'The message',
  url: 'The URL',
  email: 'The email address',
  password: 'The password',
};

const PHONE_RULE = /^must be a phone number in international format/;

export function readableValidation(message: string): string {
  const match = /^([A-Za-z][\w.]*) (must .*|is .*)$/.exec(message);
  if (!match) return message;
  const [, path = '', rest = ''] = match;
  if (PHONE_RULE.test(rest))
    return 'Write the number in international format, with its country code, like +15551234567.';
  const field =
    path
      .replace(/^(body|querystring|params)\./, '')
      .split('.')
      .pop() ?? path;
  const words = FIELD_WORDS[field] ?? `The field “${field}”`;
  return `${words} ${rest.replace(/^must NOT/, 'must not')}`;
}

/** Refusals whose API message names an API option (`set queueIfDisconnected`), in the dashboard's words. */
const BY_CODE: Record<string, string> = {
  SESSION_DISCONNECTED:
    'No WhatsApp device is connected: link or reconnect one on the Devices page, then send again.',
};

/** The words the dashboard shows for a refusal with this code and message. */
export function readableError(code: string, message: string): string {
  if (code === 'VALIDATION_ERROR') return readableValidation(message);
  return BY_CODE[code] ?? message;
}
