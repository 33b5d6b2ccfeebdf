import { randomInt } from 'node:crypto';
import type { AppContext } from '../context.js';
import { constantTimeEqual, decrypt, deriveKey, encrypt, hmacSha256 } from '../lib/crypto.js';

/**
 * A verification code lives in three forms: an HMAC to check it (kept), a sealed copy so a resend
 * or fallback can send the same code (erased when the verification ends), and the masked text the
 * message log shows. It is never stored or logged in plain text.
 */
export interface CodeKeys {
  hash: Buffer;
  seal: Buffer;
}

export function codeKeys(masterKey: Buffer): CodeKeys {
  return {
    hash: deriveKey(masterKey, 'verification-codes'),
    seal: deriveKey(masterKey, 'verification-code-seal'),
  };
}

/** The app's code keys (`deriveKey` keeps each derived key, so this runs no HKDF after the first). */
export function keysOf(ctx: AppContext): CodeKeys {
  return codeKeys(ctx.masterKey);
}

/** Uniform over all `length`-digit strings (leading zeros included), from the CSPRNG. */
export function generateCode(length: number): string {
  let code = '';
  // randomInt is limited to ranges below 2^48, so draw in chunks of at most 6 digits.
  for (let left = length; left > 0; left -= 6) {
    const digits = Math.min(6, left);
    code += String(randomInt(0, 10 ** digits)).padStart(digits, '0');
  }
  return code;
}

/** Bound to the verification id, so a hash copied to another row proves nothing there. */
export function hashCode(keys: CodeKeys, verificationId: string, code: string): string {
  return hmacSha256(keys.hash, `${verificationId}.${code}`).toString('hex');
}

export function codeMatches(
  keys: CodeKeys,
  verificationId: string,
  code: string,
  storedHash: string,
): boolean {
  const given = hmacSha256(keys.hash, `${verificationId}.${code}`);
  return constantTimeEqual(given, Buffer.from(storedHash, 'hex'));
}

export function sealCode(keys: CodeKeys, verificationId: string, code: string): string {
  return encrypt(keys.seal, code, verificationId);
}

export function unsealCode(keys: CodeKeys, verificationId: string, sealed: string): string {
  return decrypt(keys.seal, sealed, verificationId);
}

export function maskCode(length: number): string {
  return '•'.repeat(length);
}
