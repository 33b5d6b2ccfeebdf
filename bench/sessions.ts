/**
 * `npm run bench:sessions [-- --devices 10,100,500] [--dialect sqlite|postgres] [--messages 1000] [--no-resume]`:
 * real WhatsApp Web sessions on one node. A WAPing process (started like `npm start`, Baileys
 * engine, sandbox off) links N devices against the WhatsApp Web protocol test server
 * (test/wa-server, in this process: it stands in for WhatsApp, as WhatsApp's servers would be
 * elsewhere), one simulated phone per line. At each level it reports WAPing's RSS and V8 heap per
 * idle linked device (as read and after a full GC), the same after a restart that resumes every
 * line from its stored session (unless --no-resume), then the CPU WAPing spends per 1,000 messages
 * with every device paced at one message a second. Results go to bench/sessions-results.json; docs/performance.md has the numbers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWaServer } from '../test/wa-server/server.js';
import type { SimulatedContact } from '../test/wa-server/contact.js';
import { Api, inParallel } from './lib/api.js';
import { scratchDatabase, type BenchDialect } from './lib/databases.js';
import { describeMachine } from './lib/machine.js';
import { cpuSeconds, loadAverage, rssMb } from './lib/proc.js';
import { round, sleep } from './lib/stats.js';
import { startWaping, type WapingProcess } from './lib/waping-process.js';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '10,100,500' },
    dialect: { type: 'string', default: 'sqlite' },
    messages: { type: 'string', default: '1000' },
    idle: { type: 'string', default: '20' },
    // Restart WAPing at each level and measure the lines again once resumed from the database.
    'no-resume': { type: 'boolean', default: false },
    out: { type: 'string', default: join(import.meta.dirname, 'sessions-results.json') },
  },
});
const levels = values.devices.split(',').map(Number);
const dialect = values.dialect as BenchDialect;
const messageCount = Number(values.messages);
const idleSeconds = Number(values.idle);

/** One message a second, no jitter, no typing: pacing is the only thing that holds a line back. */
const PACED = { minIntervalMs: 1000, jitterMs: 0, perMinute: null, perDay: null, presence: false };

interface Level {
  devices: number;
  /** Wall seconds to link the devices added at this level (QR scan to first sync). */
  linkSeconds: number;
  rssMb: number;
  heapUsedMb: number;
  /** (RSS now − RSS with no device) / devices. */
  rssPerDeviceMb: number;
  heapPerDeviceMb: number;
  /**
   * What each device added since the previous level: (RSS now − RSS then) / devices added. Steadier
   * than the figure above, whose baseline still holds start-up garbage.
   */
  marginalRssPerDeviceMb?: number;
  marginalHeapPerDeviceMb?: number;
  marginalGcRssPerDeviceMb?: number;
  marginalGcHeapPerDeviceMb?: number;
  /** RSS and heap in use right after a full garbage collection: what the lines really hold. */
  gc: Memory;
  /** WAPing's CPU while idle with the devices linked, in cores (keep-alives, pre-key checks). */
  idleCpuCores: number;
  /**
   * The same lines after a restart of WAPing, each resumed from its stored session (no QR): what
   * a node that has run for a while holds, without the garbage of linking. `marginal…` is per
   * line added since the previous level's resumed reading.
   */
  resumed?: {
    resumeSeconds: number;
    rssMb: number;
    heapUsedMb: number;
    gc: Memory;
    idleCpuCores: number;
    marginalRssPerDeviceMb?: number;
    marginalGcRssPerDeviceMb?: number;
    marginalGcHeapPerDeviceMb?: number;
  };
  send?: {
    messages: number;
    seconds: number;
    /** All of WAPing's CPU over the run, per 1,000 messages. */
    cpuSecondsPer1000: number;
    /** The same less what the idle lines would have used over the run anyway. */
    netCpuSecondsPer1000: number;
    delivered: number;
  };
}

interface Memory {
  rssMb: number;
  heapUsedMb: number;
}

const machine = describeMachine();
console.log(
  `${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAtStart}; levels ${levels.join(', ')} on ${dialect}`,
);
const began = Date.now();
const wa = await startWaServer();
const db = await scratchDatabase(dialect, 'sessions');
const wapingEnv = wa.env();
// SIGURG makes WAPing collect its garbage (bench/lib/gc-on-signal.mjs) just before a reading.
wapingEnv.NODE_OPTIONS += ` --import ${join(import.meta.dirname, 'lib', 'gc-on-signal.mjs')}`;
const startServer = () => startWaping(db, { env: { ...wapingEnv, WAPING_SANDBOX: 'false' } });
let waping = await startServer();
let api = new Api(waping.url, waping.headers);
const results: { machine: typeof machine; dialect: string; baseline: object; levels: Level[] } = {
  machine,
  dialect,
  baseline: {},
  levels: [],
};
const save = () => writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');

try {
  await sleep(idleSeconds * 1000);
  const baseRss = rssMb(waping.pid);
  const baseHeap = await heapUsedMb(waping);
  const baseGc = await afterGc(waping);
  results.baseline = { rssMb: baseRss, heapUsedMb: baseHeap, gc: baseGc };
  console.log(
    `no device: RSS ${baseRss} MB, heap ${baseHeap} MB; after a full GC ${baseGc.rssMb} MB RSS, ${baseGc.heapUsedMb} MB heap`,
  );
  const contact = await wa.contact('+15557000001', { receipts: { deliveredAfterMs: 0, readAfterMs: null } });

  const devices: string[] = [];
  for (const target of levels) {
    const linkStart = Date.now();
    const adding = Array.from({ length: target - devices.length }, (_, i) => devices.length + i);
    await inParallel(adding, 4, async (i) => {
      devices.push(await linkOne(i));
      if (devices.length % 10 === 0) console.log(`  ${devices.length} linked`);
    });
    const linkSeconds = round((Date.now() - linkStart) / 1000, 1);
    const { idleCpuCores, rss, heap, gc } = await settledFigures(waping);
    const level: Level = {
      devices: target,
      linkSeconds,
      rssMb: rss,
      heapUsedMb: heap,
      rssPerDeviceMb: round((rss - baseRss) / target, 2),
      heapPerDeviceMb: round((heap - baseHeap) / target, 2),
      gc,
      idleCpuCores,
    };
    const previous = results.levels.at(-1);
    if (previous) {
      level.marginalRssPerDeviceMb = round((rss - previous.rssMb) / (target - previous.devices), 2);
      level.marginalHeapPerDeviceMb = round((heap - previous.heapUsedMb) / (target - previous.devices), 2);
      level.marginalGcRssPerDeviceMb = round((gc.rssMb - previous.gc.rssMb) / (target - previous.devices), 2);
      level.marginalGcHeapPerDeviceMb = round(
        (gc.heapUsedMb - previous.gc.heapUsedMb) / (target - previous.devices),
        2,
      );
    }
    console.log(
      `${target} linked devices (linked in ${linkSeconds} s): RSS ${rss} MB (${level.rssPerDeviceMb} MB per device), heap ${heap} MB (${level.heapPerDeviceMb} MB per device), since the previous level ${level.marginalRssPerDeviceMb ?? '–'} MB RSS and ${level.marginalHeapPerDeviceMb ?? '–'} MB heap per device, idle CPU ${idleCpuCores} cores`,
    );
    console.log(
      `  after a full GC: RSS ${gc.rssMb} MB, heap ${gc.heapUsedMb} MB; since the previous level ${level.marginalGcRssPerDeviceMb ?? '–'} MB RSS and ${level.marginalGcHeapPerDeviceMb ?? '–'} MB heap per device`,
    );
    let sendIdleCpu = idleCpuCores;
    if (!values['no-resume']) {
      level.resumed = await restartAndResume(devices, previous?.resumed, previous?.devices ?? 0);
      sendIdleCpu = level.resumed.idleCpuCores;
      const r = level.resumed;
      console.log(
        `  resumed after a restart (in ${r.resumeSeconds} s): RSS ${r.rssMb} MB, heap ${r.heapUsedMb} MB, after a full GC ${r.gc.rssMb} MB RSS and ${r.gc.heapUsedMb} MB heap; since the previous level ${r.marginalRssPerDeviceMb ?? '–'} MB RSS (${r.marginalGcRssPerDeviceMb ?? '–'} MB after GC, heap ${r.marginalGcHeapPerDeviceMb ?? '–'} MB) per device; idle CPU ${r.idleCpuCores} cores`,
      );
    }
    level.send = await paced(devices, contact, sendIdleCpu);
    console.log(
      `  ${level.send.messages} messages paced 1/s per device over ${level.send.seconds} s: ${level.send.cpuSecondsPer1000} CPU seconds per 1,000 messages (${level.send.netCpuSecondsPer1000} above idle), ${level.send.delivered} delivered`,
    );
    results.levels.push(level);
    save();
  }
} finally {
  await waping.stop();
  await wa.close();
  await db.drop();
  save();
  console.log(
    `done in ${round((Date.now() - began) / 60_000, 1)} min (load ${loadAverage()}); results in ${values.out}`,
  );
}

/**
 * Stops WAPing and starts it again on the same database: every line resumes from its stored
 * session as after any restart. Then the same readings as for freshly linked lines.
 */
async function restartAndResume(devices: string[], previous: Level['resumed'], previousDevices: number) {
  await waping.stop();
  const started = Date.now();
  waping = await startServer();
  api = new Api(waping.url, waping.headers);
  for (const id of devices) {
    await until(async () => {
      const device = await api.ok<{ status: string }>('GET', `/v1/devices/${id}`);
      return device.status === 'connected' || undefined;
    }, 600_000);
  }
  const resumeSeconds = round((Date.now() - started) / 1000, 1);
  const { idleCpuCores, rss, heap, gc } = await settledFigures(waping);
  const resumed: NonNullable<Level['resumed']> = {
    resumeSeconds,
    rssMb: rss,
    heapUsedMb: heap,
    gc,
    idleCpuCores,
  };
  if (previous) {
    const added = devices.length - previousDevices;
    resumed.marginalRssPerDeviceMb = round((rss - previous.rssMb) / added, 2);
    resumed.marginalGcRssPerDeviceMb = round((gc.rssMb - previous.gc.rssMb) / added, 2);
    resumed.marginalGcHeapPerDeviceMb = round((gc.heapUsedMb - previous.gc.heapUsedMb) / added, 2);
  }
  return resumed;
}

/**
 * The node's figures once its lines have settled: idle CPU over 10 s after `--idle` seconds, then
 * RSS and heap as they are, then after a full garbage collection.
 */
async function settledFigures(server: WapingProcess) {
  await sleep(idleSeconds * 1000);
  const cpuBefore = cpuSeconds(server.pid);
  await sleep(10_000);
  const idleCpuCores = round((cpuSeconds(server.pid) - cpuBefore) / 10, 3);
  const rss = rssMb(server.pid);
  const heap = await heapUsedMb(server);
  const gc = await afterGc(server);
  return { idleCpuCores, rss, heap, gc };
}

/** RSS and heap in use after WAPing ran a full garbage collection. */
async function afterGc(server: WapingProcess): Promise<Memory> {
  process.kill(server.pid, 'SIGURG');
  await sleep(3000);
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const bytes = Number(/^waping_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? Number.NaN);
  return { rssMb: rssMb(server.pid), heapUsedMb: round(bytes / 1024 / 1024, 1) };
}

/** Links device number `i` by QR through the API, its own simulated phone scanning it. */
async function linkOne(i: number): Promise<string> {
  const phone = await wa.phone(`+1555${String(6_000_000 + i).padStart(7, '0')}`, { pushName: `Line ${i}` });
  const { id } = await api.ok<{ id: string }>('POST', '/v1/devices', {
    name: `line ${i}`,
    engine: 'baileys',
    pacing: PACED,
  });
  await api.ok('POST', `/v1/devices/${id}/connect`);
  const online = phone.activations() + 1;
  const qr = await until(async () => {
    const res = await api.call<{ qr?: string }>('GET', `/v1/devices/${id}/qr`, undefined, {
      accept: 'application/json',
    });
    return res.status === 200 ? res.body.qr : undefined;
  });
  await phone.scanQr(qr);
  await until(async () => {
    const device = await api.ok<{ status: string }>('GET', `/v1/devices/${id}`);
    return device.status === 'connected' || undefined;
  }, 300_000);
  // Generous: on a busy machine a link (812 pre-keys made, stored and uploaded) takes seconds.
  await phone.waitForOnline(online, 300_000);
  await phone.waitForFirstSync(300_000);
  return id;
}

/**
 * `messageCount` messages spread over the devices (each paced at one a second) to one contact,
 * who decrypts each: WAPing's CPU from the first accept until every message is `sent`.
 */
async function paced(devices: string[], contact: SimulatedContact, idleCpuCores: number) {
  const perDevice = Math.ceil(messageCount / devices.length);
  const seen = contact.received.length;
  const cpuBefore = cpuSeconds(waping.pid);
  const started = Date.now();
  const ids: string[] = [];
  const sends = devices.flatMap((deviceId) =>
    Array.from({ length: perDevice }, (_, k) => ({ deviceId, body: `paced ${k} via ${deviceId}` })),
  );
  await inParallel(sends, 8, async ({ deviceId, body }) => {
    const { id } = await api.ok<{ id: string }>('POST', '/v1/messages', {
      deviceId,
      to: contact.number,
      type: 'text',
      text: { body },
    });
    ids.push(id);
  });
  await until(async () => (contact.received.length - seen >= sends.length ? true : undefined), 600_000);
  const seconds = (Date.now() - started) / 1000;
  const cpu = cpuSeconds(waping.pid) - cpuBefore;
  return {
    messages: sends.length,
    seconds: round(seconds, 1),
    cpuSecondsPer1000: round((cpu / sends.length) * 1000, 2),
    netCpuSecondsPer1000: round(((cpu - idleCpuCores * seconds) / sends.length) * 1000, 2),
    delivered: contact.received.length - seen,
  };
}

/**
 * V8 heap in use, the lowest of ten readings a second apart: garbage not yet collected only ever
 * adds to a reading, so the lowest is the closest to what is live.
 */
async function heapUsedMb(server: WapingProcess): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const bytes = Number(/^waping_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? Number.NaN);
    lowest = Math.min(lowest, bytes);
    await sleep(1000);
  }
  return round(lowest / 1024 / 1024, 1);
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(100);
  }
}
