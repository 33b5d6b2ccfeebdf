import { isUtf8 } from 'node:buffer';
import { validation } from '../lib/errors.js';
import { stringPath } from './nul-refusal.js';

/**
 * A JSON body must be valid Unicode: UTF-8 bytes, and no lone surrogate escape (`\ud800` without
 * its pair), which JSON's syntax allows but no character is. Before, both were taken and
 * rewritten: bytes that are not UTF-8 became U+FFFD, and a lone surrogate was stored as three
 * U+FFFD on SQLite and one on PostgreSQL. Refused with the field that holds it, like NUL.
 */

const NOT_UTF8 = 'holds bytes that are not valid UTF-8';
const LONE = 'must not contain a lone surrogate (\\uD800–\\uDFFF without its pair)';

function refusal(path: string | null, message: string) {
  const field = path ? `body.${path}` : 'body';
  return validation(`${field} ${message}`, [{ field, message }]);
}

/** A lone surrogate: with the `u` flag a pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;
/** A lone surrogate can only be written as an escape: UTF-8 does not encode surrogates. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const REPLACEMENT = '\ufffd';

const escapeSurrogates = (key: string) =>
  key.replace(/\p{Cs}/gu, (half) => `\\u${half.charCodeAt(0).toString(16)}`);

/** A JSON body's refusal when it holds a lone surrogate, or null. */
export function bodySurrogateRefusal(text: string, body: unknown) {
  if (!SURROGATE_ESCAPE.test(text)) return null;
  const path = stringPath(body, (s) => LONE_SURROGATE.test(s), escapeSurrogates);
  return path === null ? null : refusal(path, LONE);
}

/**
 * The refusal of a body that is not UTF-8, or null when it is. Its field is the string or key
 * the bad bytes are in, found as the one the decoder put U+FFFD in; when the body also writes
 * U+FFFD itself, or is not JSON once decoded, it is the body as a whole.
 */
export function bodyUtf8Refusal(bytes: Buffer) {
  if (isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  const writesReplacement = bytes.includes(Buffer.from(REPLACEMENT, 'utf8')) || /\\u[fF]{3}[dD]/.test(text);
  let path: string | null = null;
  if (!writesReplacement) {
    try {
      path = stringPath(
        JSON.parse(text),
        (s) => s.includes(REPLACEMENT),
        (key) => key,
      );
    } catch {
      path = null;
    }
  }
  return refusal(path, NOT_UTF8);
}
