import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { validation } from './errors.js';

// Parsing is costly next to everything else on the send path, and senders repeat their numbers.
const parsedNumbers = new Map<string, string>();
const PARSE_CACHE_SIZE = 10_000;

/**
 * A number from a query string as it was meant: an unencoded `+` in a URL's query (`?to=+1555…`)
 * arrives as a space (form encoding), and a number cannot start with one otherwise.
 */
const queryNumber = (input: string) => (/^ \d/.test(input) ? `+${input.slice(1)}` : input);

/** E.164 in, E.164 out: accepts "+1 555 123 4567"-style input with a country code. */
export function toE164(input: string, field = 'to', location: 'body' | 'querystring' = 'body'): string {
  const text = location === 'querystring' ? queryNumber(input) : input;
  const cached = parsedNumbers.get(text);
  if (cached) return cached;
  const parsed = parsePhoneNumberFromString(text.trim(), { extract: false });
  // The sandbox's magic numbers (+1555555010x) are fictional, so "possible" is the test, not "valid".
  // An extension (";ext=", " x123") cannot be dialled on WhatsApp; dropping it silently would send elsewhere.
  if (!parsed || !parsed.isPossible() || parsed.ext !== undefined) {
    throw validation(`${field} must be a phone number in international format, like +15551234567`, [
      { field: `${location}.${field}`, message: 'is not a possible phone number with country code' },
    ]);
  }
  if (parsedNumbers.size >= PARSE_CACHE_SIZE) parsedNumbers.clear();
  parsedNumbers.set(text, parsed.number);
  return parsed.number;
}

export function jidFor(e164: string): string {
  return `${e164.replace(/^\+/, '')}@s.whatsapp.net`;
}

export type PhoneQuery = { phone: string } | { phonePart: { digits: string; from: 'start' | 'anywhere' } };

/**
 * A number filter as a person types it: a whole international number matches exactly; part of
 * one (`+4915`, `5557`, `555 7`) matches numbers that start with it (with a leading +) or contain
 * it (bare digits). Spaces, dashes, dots and brackets are ignored; fewer than 3 digits is refused.
 */
export function phoneQuery(input: string, field = 'to'): PhoneQuery {
  const compact = input.replace(/[\s\-().]/g, '');
  const plus = compact.startsWith('+');
  const digits = plus ? compact.slice(1) : compact;
  if (!/^\d{3,15}$/.test(digits)) {
    throw validation(`${field} must be a phone number or at least 3 of its digits, like +1555 or 5557`, [
      { field: `querystring.${field}`, message: 'is not a number or part of one' },
    ]);
  }
  if (plus) {
    const parsed = parsePhoneNumberFromString(compact, { extract: false });
    if (parsed?.isPossible() && parsed.ext === undefined && parsed.number === compact)
      return { phone: compact };
    return { phonePart: { digits, from: 'start' } };
  }
  return { phonePart: { digits, from: 'anywhere' } };
}
