import { createHmac, randomBytes } from 'node:crypto';
import { decrypt, deriveKey, encrypt } from '../lib/crypto.js';

export const SECRET_PREFIX = 'whsec_';
/** How long a rotated-out secret keeps signing, so receivers can switch without losing events. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** Secrets at rest are sealed with a key used for nothing else, bound to their endpoint. */
export class SecretBox {
  private readonly key: Buffer;
  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'webhook-secrets');
  }
  seal(endpointId: string, secret: string): string {
    return encrypt(this.key, secret, endpointId);
  }
  open(endpointId: string, sealed: string): string {
    return decrypt(this.key, sealed, endpointId);
  }
}

/** Standard Webhooks `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the secret's decoded bytes. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers; every secret given signs (space-separated), the newest first. */
export function signatureHeaders(
  secrets: string[],
  id: string,
  now: Date,
  body: string,
): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => sign(s, id, timestamp, body)).join(' '),
  };
}
