import { mkdtempSync, readdirSync, writeFileSync, utimesSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { parseS3Url, S3MediaStorage } from '../../src/media/s3-storage.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { multipartBody, pdf, png } from './fixtures.js';

/**
 * A real S3-compatible server (s3rver) on loopback. It reads the SigV4 Authorization header and
 * checks the access key, but not the signature itself: that is checked against AWS's published
 * example in sigv4.test.ts.
 */
const s3Dir = mkdtempSync(join(tmpdir(), 'waping-s3-'));
/** Every folder this file makes, removed when it is done. */
const folders = [s3Dir];
const newSpool = () => {
  const spool = mkdtempSync(join(tmpdir(), 'waping-spool-'));
  folders.push(spool);
  return spool;
};
let server: S3rver;
let endpoint = '';
const urlWith = (key: string) => `s3://${key}:S3RVER@media?endpoint=${encodeURIComponent(endpoint)}`;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: 'media', configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const it = appTest({ env: () => ({ WAPING_MEDIA_URL: urlWith('S3RVER') }) });

const upload = (t: TestApp, file: Buffer, options: Parameters<typeof multipartBody>[1] = {}) => {
  const { payload, headers } = multipartBody(file, options);
  return t.request({ method: 'POST', url: '/v1/media', payload, headers });
};
/** The objects in the bucket, as s3rver keeps them on disk. */
const objectsInBucket = () =>
  readdirSync(join(s3Dir, 'media')).filter((name) => name.endsWith('._S3rver_object'));
const spoolOf = (t: TestApp) => join(t.app.ctx.config.dataDir, 'media-spool');
const direct = (key = 'S3RVER') => new S3MediaStorage(parseS3Url(urlWith(key)), newSpool());

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('media in an S3-compatible object store', () => {
  it('stores a file as one object, serves it back whole and deletes it', async ({ t }) => {
    const bytes = pdf(700 * 1024);
    const res = await upload(t, bytes, { filename: 'scan.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const media = res.json<{ id: string; url: string }>();
    // The object is in the store, readable by anyone with the keys (another node).
    const row = await t.app.ctx.db
      .selectFrom('media')
      .select('storage_key')
      .where('id', '=', media.id)
      .executeTakeFirstOrThrow();
    const stored = await direct().get(row.storage_key);
    expect(stored && (await readAll(stored)).equals(bytes)).toBe(true);
    expect(readdirSync(spoolOf(t))).toEqual([]);

    const got = await t.request({ method: 'GET', url: media.url });
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect((await t.request({ method: 'DELETE', url: media.url })).statusCode).toBe(204);
    expect(await direct().get(row.storage_key)).toBeNull();
    expect((await t.request({ method: 'GET', url: media.url })).statusCode).toBe(404);
  });

  it('keeps no object and no spool file of a refused file', async ({ t }) => {
    const before = objectsInBucket().length;
    const res = await upload(t, png(1300, 1400), { filename: 'big.png' });
    expect(res.json().error.code).toBe('MEDIA_TOO_LARGE');
    expect(objectsInBucket().length).toBe(before);
    expect(readdirSync(spoolOf(t))).toEqual([]);
  });

  it('is refused by the store with an unknown access key, leaving nothing', async () => {
    const store = direct('NOT-A-KEY');
    await expect(store.put('med_wrongkey', Readable.from([Buffer.from('%PDF-1.4 x')]))).rejects.toThrow(
      /403 InvalidAccessKeyId/,
    );
    expect(await direct().get('med_wrongkey')).toBeNull();
  });

  it('sweeps spool files a crash left behind, and only old ones', async () => {
    const spool = newSpool();
    mkdirSync(spool, { recursive: true });
    const store = new S3MediaStorage(parseS3Url(urlWith('S3RVER')), spool);
    writeFileSync(join(spool, 'med_old.abc'), 'half');
    writeFileSync(join(spool, 'med_new.def'), 'half');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(spool, 'med_old.abc'), hourAgo, hourAgo);
    expect(await store.sweepPartials(new Date(Date.now() - 60_000))).toBe(1);
    expect(readdirSync(spool)).toEqual(['med_new.def']);
  });
});

describe('WAPING_MEDIA_URL s3://', () => {
  it('reads the bucket, endpoint, region and keys, and refuses a URL without keys', () => {
    expect(
      parseS3Url('s3://K:S%2Fx@files?endpoint=https%3A%2F%2Fminio.local%3A9000&region=eu-west-1', {}),
    ).toEqual({
      bucket: 'files',
      endpoint: new URL('https://minio.local:9000'),
      region: 'eu-west-1',
      accessKeyId: 'K',
      secretAccessKey: 'S/x',
    });
    expect(
      parseS3Url('s3://files', { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'B' }).endpoint.href,
    ).toBe('https://s3.us-east-1.amazonaws.com/');
    expect(() => parseS3Url('s3://files', {})).toThrow(/needs keys/);
  });
});
