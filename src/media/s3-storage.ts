import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigError } from '../config.js';
import { randomToken } from '../lib/crypto.js';
import { EMPTY_SHA256, signV4, uriEncode } from './sigv4.js';
import type { MediaStorage } from './storage.js';

const KEY = /^[A-Za-z0-9_-]{1,100}$/;

export interface S3Location {
  bucket: string;
  /** Base URL of the service; the bucket goes in the path (path-style, as S3-compatible stores take it). */
  endpoint: URL;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * `s3://[ACCESS_KEY:SECRET@]bucket?endpoint=https://host&region=eu-west-1`. Without keys in the
 * URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are used; without an endpoint, AWS's own.
 */
export function parseS3Url(url: string, env: NodeJS.ProcessEnv = process.env): S3Location {
  // A key with a '/' or '@' left unescaped, or a space, makes the URL unreadable: said plainly
  // at startup, not as a failed upload later.
  if (!URL.canParse(url))
    throw new ConfigError(
      'WAPING_MEDIA_URL is not a valid s3:// URL (escape "/", "@" and ":" in the keys as %2F, %40, %3A): ' +
        's3://[ACCESS_KEY:SECRET@]bucket?endpoint=https://host&region=…',
    );
  const parsed = new URL(url);
  const region = parsed.searchParams.get('region') ?? env.AWS_REGION ?? 'us-east-1';
  const accessKeyId = decodeURIComponent(parsed.username) || env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = decodeURIComponent(parsed.password) || env.AWS_SECRET_ACCESS_KEY;
  if (!parsed.hostname)
    throw new ConfigError('WAPING_MEDIA_URL s3:// needs a bucket: s3://bucket?endpoint=…');
  if (!accessKeyId || !secretAccessKey)
    throw new ConfigError(
      'WAPING_MEDIA_URL s3:// needs keys: in the URL or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  const endpointText = parsed.searchParams.get('endpoint') ?? `https://s3.${region}.amazonaws.com`;
  const endpoint = URL.canParse(endpointText) ? new URL(endpointText) : null;
  if (!endpoint || (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:'))
    throw new ConfigError('WAPING_MEDIA_URL s3:// endpoint must be an http(s) URL');
  return { bucket: parsed.hostname, endpoint, region, accessKeyId, secretAccessKey };
}

/**
 * Media as objects in an S3-compatible store, over plain HTTP(S) with SigV4 signatures. An upload
 * is spooled to a local temporary file while its SHA-256 is computed (S3 wants the length and the
 * hash before the body), then sent in one PUT, which S3 applies whole or not at all; the sweep
 * removes spool files a crash left behind.
 */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3';
  private ready: Promise<void> | null = null;

  constructor(
    private readonly location: S3Location,
    private readonly spoolDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pathOf(key: string): string {
    // Keys come from the media service, never from a request.
    if (!KEY.test(key)) throw new Error(`invalid media key ${key}`);
    const base = this.location.endpoint.pathname.replace(/\/$/, '');
    return `${base}/${uriEncode(this.location.bucket)}/${key}`;
  }

  private send(
    method: string,
    key: string,
    options: { body?: Readable; length?: number; payloadHash?: string } = {},
  ): Promise<IncomingMessage> {
    const { endpoint } = this.location;
    const path = this.pathOf(key);
    const headers = signV4(
      { ...this.location, service: 's3' },
      {
        method,
        path,
        host: endpoint.host,
        headers: options.length !== undefined ? { 'content-length': String(options.length) } : {},
        payloadHash: options.payloadHash ?? EMPTY_SHA256,
        now: this.now(),
      },
    );
    const request = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          protocol: endpoint.protocol,
          hostname: endpoint.hostname,
          port: endpoint.port,
          method,
          path,
          headers,
        },
        resolve,
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`object store did not answer ${method} in time`)));
      req.on('error', reject);
      if (options.body) pipeline(options.body, req).catch(reject);
      else req.end();
    });
  }

  private async expectOk(res: IncomingMessage, what: string, allowed: number[] = []): Promise<void> {
    const status = res.statusCode ?? 0;
    if ((status >= 200 && status < 300) || allowed.includes(status)) {
      res.resume();
      return;
    }
    let text = '';
    for await (const chunk of res) text += String(chunk);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'no code';
    throw new Error(`object store refused ${what}: ${status} ${code}`);
  }

  async put(key: string, body: Readable): Promise<void> {
    this.ready ??= mkdir(this.spoolDir, { recursive: true, mode: 0o700 }).then(() => undefined);
    await this.ready;
    const spool = join(this.spoolDir, `${key}.${randomToken(6)}`);
    try {
      const hash = createHash('sha256');
      let length = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          length += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(body, tap, createWriteStream(spool, { mode: 0o600, flags: 'wx' }));
      const res = await this.send('PUT', key, {
        body: createReadStream(spool),
        length,
        payloadHash: hash.digest('hex'),
      });
      await this.expectOk(res, `storing ${key}`);
    } finally {
      await rm(spool, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    const res = await this.send('GET', key);
    if (res.statusCode === 404) {
      res.resume();
      return null;
    }
    if (res.statusCode !== 200) await this.expectOk(res, `reading ${key}`);
    return res;
  }

  async delete(key: string): Promise<void> {
    await this.expectOk(await this.send('DELETE', key), `deleting ${key}`, [404]);
  }

  async sweepPartials(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.spoolDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.spoolDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < before) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
