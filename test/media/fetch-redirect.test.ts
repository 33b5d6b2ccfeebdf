import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMedia } from '../../src/media/fetch-url.js';
import { checkWebhookUrl } from '../../src/webhooks/url-guard.js';
import { jpeg } from './fixtures.js';

/**
 * Offline, a public host is played by a loopback server that the test's URL check takes as public
 * (that one URL only); every other URL of the chain is judged by the real rule, private addresses
 * refused, as in production.
 */
let server: http.Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const to = new URL(req.url ?? '/', base).searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to });
      return void res.end();
    }
    res.end(jpeg());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const publicEntry = (entry: string) => (url: string) =>
  url === entry ? Promise.resolve(null) : checkWebhookUrl(url, false);

describe('a media URL whose redirect points at a private address', () => {
  it.each([
    ['the same loopback server', () => `${base}/secret.jpg`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data'],
    ['a private network address', () => 'http://10.0.0.7/photo.jpg'],
    ['an IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${new URL(base).port}/secret.jpg`],
  ])('is refused at the redirect: %s', async (_what, target) => {
    hits.length = 0;
    const entry = `${base}/photo.jpg?to=${encodeURIComponent(target())}`;
    const fetched = fetchMedia(entry, { timeoutMs: 5000, allowPrivate: false, checkUrl: publicEntry(entry) });
    await expect(fetched).rejects.toMatchObject({ code: 'MEDIA_URL_REFUSED' });
    await expect(fetched).rejects.toThrow(/private or local address/);
    // The entry answered the redirect; the private target was never asked.
    expect(hits).toEqual([new URL(entry).pathname + new URL(entry).search]);
  });

  it('follows a redirect to an allowed address (the check above is what refuses)', async () => {
    const entry = `${base}/photo.jpg?to=${encodeURIComponent(`${base}/final.jpg`)}`;
    const allowed = `${base}/final.jpg`;
    const check = (url: string) =>
      url === entry || url === allowed ? Promise.resolve(null) : checkWebhookUrl(url, false);
    const { body, filename } = await fetchMedia(entry, {
      timeoutMs: 5000,
      allowPrivate: false,
      checkUrl: check,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(jpeg())).toBe(true);
    expect(filename).toBe('final.jpg');
  });
});
