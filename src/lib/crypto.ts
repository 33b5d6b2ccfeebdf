import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  timingSafeEqual,
} from 'node:crypto';
import { pooledRandomBytes } from './random-pool.js';

/** SHA-256 hex digest; API keys are stored this way (they are long random strings, so no salt is needed). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmacSha256(key: Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value).digest();
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** URL-safe random token (base64url without padding). */
export function randomToken(bytes = 24): string {
  return pooledRandomBytes(bytes).toString('base64url');
}

const derived = new WeakMap<Buffer, Map<string, Buffer>>();

/**
 * Derives a purpose-bound 32-byte key from the master key, so one leaked derived key exposes
 * nothing else. Kept per master key and purpose: the send path seals a body with one on every
 * verification code, and HKDF each time cost more than the sealing. Callers must not write to it.
 */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  let keys = derived.get(masterKey);
  if (!keys) {
    keys = new Map();
    derived.set(masterKey, keys);
  }
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `waping:${purpose}`, 32));
    keys.set(purpose, key);
  }
  return key;
}

const VERSION = 'v1';

/** AES-256-GCM, output `v1.<iv>.<tag>.<ciphertext>` in base64url; `aad` binds the ciphertext to its row. */
export function encrypt(key: Buffer, plaintext: string, aad = ''): string {
  const iv = pooledRandomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function decrypt(key: Buffer, sealed: string, aad = ''): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unrecognised ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
