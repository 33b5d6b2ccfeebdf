/**
 * `npx tsx bench/in-process/media.ts`: files.
 * 1. Upload and send of a ~5 MB PNG, BENCH_ROUNDS times (default 5): time of the upload, time from
 *    accept to `sent` on the sandbox line, and the CPU this process spent (server and client share
 *    it; the client only hands a prepared buffer to fetch, so nearly all of it is the server's).
 * 2. A 100 MB document streamed in as multipart while RSS is sampled every 20 ms: the upload must
 *    not hold the file in memory, so the peak stays near the starting RSS, far below 100 MB.
 * BENCH_MEDIA_URL picks the storage (default: files under the data directory; `database:`);
 * BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { png } from '../../test/media/fixtures.js';
import { startBenchServer } from './server.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

const server = await startBenchServer(
  process.env.BENCH_MEDIA_URL ? { WAPING_MEDIA_URL: process.env.BENCH_MEDIA_URL } : {},
);
const auth = { authorization: `Bearer ${server.key}` };
console.log(
  `load average at start: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  `storage: ${process.env.BENCH_MEDIA_URL ?? 'files'}; database: ${process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite'}`,
);

// --- 1. a 5 MB image, uploaded then sent -------------------------------------------------------
const image = png(1300, 1300, 7);
console.log(`\nimage: ${mb(image.length)} PNG, ${rounds} rounds`);
const uploads: number[] = [];
const sends: number[] = [];
const cpus: number[] = [];
for (let round = 0; round < rounds; round++) {
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const form = new FormData();
  form.set('type', 'image');
  form.set('file', new Blob([image], { type: 'image/png' }), `photo-${round}.png`);
  const uploaded = await fetch(`${server.url}/v1/media`, { method: 'POST', headers: auth, body: form });
  if (uploaded.status !== 201)
    throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
  const { id } = (await uploaded.json()) as { id: string };
  const t1 = performance.now();
  const accepted = await fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      to: `+1555010${String(round).padStart(4, '0')}`,
      type: 'image',
      media: { id },
      caption: 'bench',
    }),
  });
  if (accepted.status !== 202) throw new Error(`send answered ${accepted.status}: ${await accepted.text()}`);
  const message = (await accepted.json()) as { id: string };
  let status = 'queued';
  while (!['sent', 'delivered', 'read', 'failed'].includes(status)) {
    await new Promise((r) => setTimeout(r, 5));
    const got = await fetch(`${server.url}/v1/messages/${message.id}`, { headers: auth });
    status = ((await got.json()) as { status: string }).status;
  }
  if (status === 'failed') throw new Error('the image send failed');
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  uploads.push(t1 - t0);
  sends.push(t2 - t1);
  cpus.push((cpu.user + cpu.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`upload  median ${ms(median(uploads))}  (all: ${uploads.map(ms).join(', ')})`);
console.log(`send    median ${ms(median(sends))}  (accept → sent on the sandbox line)`);
console.log(`cpu     median ${ms(median(cpus))} per upload + send (this process)`);

// --- 2. a 100 MB document, RSS sampled while it streams in ------------------------------------
const size = 100 * MiB;
const boundary = 'benchboundary7MA4YWxkTrZu0gW';
const head = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\ndocument\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
    'Content-Type: application/pdf\r\n\r\n',
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
const filler = Buffer.alloc(MiB, 0x20);
const first = Buffer.from(filler);
Buffer.from('%PDF-1.7\n').copy(first);
const last = Buffer.from(filler);
Buffer.from('\n%%EOF\n').copy(last, MiB - 7);

/** The form, a MiB at a time: the client holds no more of the file than the server should. */
async function* body() {
  yield head;
  for (let sent = 0; sent < size; sent += MiB) yield sent === 0 ? first : sent + MiB >= size ? last : filler;
  yield tail;
}

global.gc?.();
const rssStart = process.memoryUsage().rss;
let rssPeak = rssStart;
let samples = 0;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  samples++;
}, 20);
const t0 = performance.now();
const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
  const req = request(
    `${server.url}/v1/media`,
    {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    },
  );
  req.on('error', reject);
  pipeline(Readable.from(body()), req).catch(reject);
});
const elapsed = performance.now() - t0;
clearInterval(sampler);
if (answer.status !== 201) throw new Error(`100 MB upload answered ${answer.status}: ${answer.text}`);
console.log(`\ndocument: ${mb(size)} in ${ms(elapsed)} (${mb((size / elapsed) * 1000)}/s)`);
console.log(
  `rss start ${mb(rssStart)}, peak ${mb(rssPeak)} (+${mb(rssPeak - rssStart)}) over ${samples} samples`,
);
console.log(
  `load average at end: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
await server.close();
