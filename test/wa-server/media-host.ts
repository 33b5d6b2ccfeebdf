/**
 * WhatsApp's media host (mmg.whatsapp.net), on the protocol test server's own HTTPS port: a
 * companion that got this host from `media_conn` POSTs an encrypted file to
 * `/mms/<type>/<token>?auth=…` (Baileys' getWAUploadToServer) and the answer names where it can be
 * fetched again (`url`, `direct_path`); a GET of that path serves the stored bytes. Files are end-to-end
 * encrypted, so the host only ever holds ciphertext; simulated phones encrypt and decrypt the
 * way WhatsApp clients do (AES-256-CBC with keys expanded from the message's `mediaKey`, and a
 * truncated HMAC-SHA256 appended).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:https';
import { getMediaKeys, type MediaType } from 'baileys';
import { testCaAgent } from './tls.js';

/** Bytes of the HMAC-SHA256 kept after the ciphertext. */
const MAC_BYTES = 10;

export class MediaHost {
  /** Stored files by path (`/mms/image/<token>`): the encrypted bytes, MAC included. */
  private readonly files = new Map<string, Buffer>();
  /** Paths uploaded, in order. */
  readonly uploads: string[] = [];
  /** Paths served, in order. */
  readonly downloads: string[] = [];

  /** `host:port` the media host answers on (set once the server listens). */
  hostname = '';

  /** Stores encrypted bytes as an upload would; returns the direct path. */
  put(type: string, encrypted: Buffer): string {
    const token = createHash('sha256').update(encrypted).digest('base64url');
    const path = `/mms/${type}/${token}`;
    this.files.set(path, encrypted);
    this.uploads.push(path);
    return path;
  }

  get(path: string): Buffer | undefined {
    return this.files.get(path);
  }

  /** The HTTPS request handler; anything else than an upload or a stored file is a 404. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://media.invalid');
    const type = /^\/mms\/([a-z-]+)\/[^/]+$/.exec(url.pathname)?.[1];
    if (req.method === 'POST' && type) {
      if (!url.searchParams.get('auth')) return void res.writeHead(401).end();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = this.put(type, Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ url: `https://${this.hostname}${path}`, direct_path: path }));
      });
      return;
    }
    const file = req.method === 'GET' ? this.files.get(url.pathname) : undefined;
    if (!file) return void res.writeHead(404).end();
    this.downloads.push(url.pathname);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length });
    res.end(file);
  }
}

/** What a media message carries about its file, as a phone fills it in. */
export interface EncryptedMedia {
  encrypted: Buffer;
  mediaKey: Buffer;
  fileSha256: Buffer;
  fileEncSha256: Buffer;
  fileLength: number;
}

/** Encrypts a file the way WhatsApp clients do before uploading it. */
export async function encryptMedia(plain: Buffer, type: MediaType): Promise<EncryptedMedia> {
  const mediaKey = randomBytes(32);
  const { iv, cipherKey, macKey } = await getMediaKeys(mediaKey, type);
  if (!macKey) throw new Error('no MAC key expanded');
  const cipher = createCipheriv('aes-256-cbc', cipherKey, iv);
  const enc = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac('sha256', macKey).update(iv).update(enc).digest().subarray(0, MAC_BYTES);
  const encrypted = Buffer.concat([enc, mac]);
  return {
    encrypted,
    mediaKey,
    fileSha256: createHash('sha256').update(plain).digest(),
    fileEncSha256: createHash('sha256').update(encrypted).digest(),
    fileLength: plain.length,
  };
}

/** Checks the MAC and decrypts a downloaded file; throws when it was tampered with. */
export async function decryptMedia(
  encrypted: Buffer,
  mediaKey: Uint8Array,
  type: MediaType,
): Promise<Buffer> {
  const { iv, cipherKey, macKey } = await getMediaKeys(mediaKey, type);
  if (!macKey) throw new Error('no MAC key expanded');
  const enc = encrypted.subarray(0, encrypted.length - MAC_BYTES);
  const mac = encrypted.subarray(encrypted.length - MAC_BYTES);
  const expected = createHmac('sha256', macKey).update(iv).update(enc).digest().subarray(0, MAC_BYTES);
  if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, expected)) throw new Error('media MAC mismatch');
  const decipher = createDecipheriv('aes-256-cbc', cipherKey, iv);
  return Buffer.concat([decipher.update(enc), decipher.final()]);
}

/** One HTTPS exchange with a loopback host, trusting the test CA only. */
function exchange(
  url: string,
  method: 'GET' | 'POST',
  body?: Buffer,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: testCaAgent() }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Uploads encrypted bytes as a phone does; returns where the file can be fetched. */
export async function uploadMedia(
  hostname: string,
  type: string,
  encrypted: Buffer,
): Promise<{ url: string; directPath: string }> {
  const token = createHash('sha256').update(encrypted).digest('base64url');
  const res = await exchange(`https://${hostname}/mms/${type}/${token}?auth=phone`, 'POST', encrypted);
  if (res.status !== 200) throw new Error(`media upload answered ${res.status}`);
  const answer = JSON.parse(res.body.toString()) as { url: string; direct_path: string };
  return { url: answer.url, directPath: answer.direct_path };
}

/** Fetches a file from the media host (by the message's `url`). */
export async function downloadMedia(url: string): Promise<Buffer> {
  const res = await exchange(url, 'GET');
  if (res.status !== 200) throw new Error(`media download of ${url} answered ${res.status}`);
  return res.body;
}
