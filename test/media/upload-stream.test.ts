import http from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { pdf } from './fixtures.js';

/** Uploads through a real socket, the file produced chunk by chunk (never whole in memory here either). */
const it = appTest({ env: { WAPING_MEDIA_UPLOAD_TIMEOUT_MS: '5000' } });

const BOUNDARY = '----waping-stream';
const MB = 1024 * 1024;

async function streamUpload(
  t: TestApp,
  options: { filename: string; head: Buffer; fillerBytes: number; tail: Buffer; pauseMs?: number },
): Promise<{ status: number; body: string }> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/media',
      agent: false,
      headers: {
        authorization: `Bearer ${t.apiKey}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        // A client that stopped sending would otherwise keep its half-sent request open.
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
      });
    });
    const filler = Buffer.alloc(MB, 0x20);
    let left = options.fillerBytes;
    request.write(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    request.write(options.head);
    const pump = () => {
      while (left > 0) {
        const piece = left >= MB ? filler : filler.subarray(0, left);
        left -= piece.length;
        if (!request.write(piece)) return void request.once('drain', pump);
      }
      if (options.pauseMs) return; // a client that stops sending
      request.end(Buffer.concat([options.tail, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]));
    };
    pump();
  });
}

const leftovers = async (t: TestApp) => ({
  rows: (await t.app.ctx.db.selectFrom('media').select('id').execute()).length,
  files: readdirSync(join(t.config.dataDir, 'media')).filter((n) => !n.startsWith('.')).length,
  partial: readdirSync(join(t.config.dataDir, 'media', '.partial')).length,
});

describe('streamed uploads', () => {
  it('stores a 20 MB document sent over a socket', async ({ t }) => {
    const res = await streamUpload(t, {
      filename: 'report.pdf',
      head: Buffer.from('%PDF-1.7\n'),
      fillerBytes: 20 * MB,
      tail: Buffer.from('\n%%EOF\n'),
    });
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'document',
      mime: 'application/pdf',
      size: 20 * MB + 16,
    });
  });

  it('refuses a 101 MB document with 422 MEDIA_TOO_LARGE and keeps nothing of it', async ({ t }) => {
    const before = await leftovers(t);
    const res = await streamUpload(t, {
      filename: 'huge.pdf',
      head: Buffer.from('%PDF-1.7\n'),
      fillerBytes: 101 * MB,
      tail: Buffer.from('\n%%EOF\n'),
    });
    expect(res.status, res.body).toBe(422);
    expect(JSON.parse(res.body).error.code).toBe('MEDIA_TOO_LARGE');
    expect(await leftovers(t)).toEqual(before);
  });

  it('answers 408 to an upload that stops arriving, and keeps nothing of it', async ({ t }) => {
    const before = await leftovers(t);
    const res = await streamUpload(t, {
      filename: 'slow.pdf',
      head: pdf(100).subarray(0, 50),
      fillerBytes: MB,
      tail: Buffer.alloc(0),
      pauseMs: 1,
    });
    expect(res.status, res.body).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe('REQUEST_TIMEOUT');
    expect(await leftovers(t)).toEqual(before);
  });
});
