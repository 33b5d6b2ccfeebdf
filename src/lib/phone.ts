import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { validation } from './errors.js';

// Parsing is costly next to everything else on the send path, and senders repeat their numbers.
const parsedNumbers = new Map<string, string>();
const PARSE_CACHE_SIZE = 10_000;

/** E.164 in, E.164 out: accepts "+1 555 123 4567"-style input with a country code. */
export function toE164(input: string, field = 'to', location: 'body' | 'querystring' = 'body'): string {
  const cached = parsedNumbers.get(input);
  if (cached) return cached;
  const parsed = parsePhoneNumberFromString(input.trim(), { extract: false });
  // The sandbox's magic numbers (+1555555010x) are fictional, so "possible" is the test, not "valid".
  // An extension (";ext=", " x123") cannot be dialled on WhatsApp; dropping it silently would send elsewhere.
  if (!parsed || !parsed.isPossible() || parsed.ext !== undefined) {
    throw validation(`${field} must be a phone number in international format, like +15551234567`, [
      { field: `${location}.${field}`, message: 'is not a possible phone number with country code' },
    ]);
  }
  if (parsedNumbers.size >= PARSE_CACHE_SIZE) parsedNumbers.clear();
  parsedNumbers.set(input, parsed.number);
  return parsed.number;
}

export function jidFor(e164: string): string {
  return `${e164.replace(/^\+/, '')}@s.whatsapp.net`;
}
