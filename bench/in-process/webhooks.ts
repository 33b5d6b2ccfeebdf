/**
 * Webhook delivery throughput to a loopback receiver that answers at once, through the real
 * worker. Two shapes: `backlog` drains events recorded while the server was down (pure delivery
 * rate); `live` records events in transactions of 100 as feature code does, while they are being
 * delivered. Run: `npx tsx bench/in-process/webhooks.ts` (SQLite in a temp folder; BENCH_DATABASE_URL=
 * postgres://… to measure PostgreSQL instead, in a database of its own: the bench fills it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createApiKey } from '../../src/workspaces/api-keys.js';
import type { WapingEvent } from '../../src/events/types.js';

export interface WebhookBenchResult {
  mode: 'backlog' | 'live';
  events: number;
  devices: number;
  seconds: number;
  deliveriesPerSecond: number;
  /**
   * Deliveries per second of CPU used by the whole process (receiver thread included): what one
   * core would sustain, whatever else the machine was doing during the run.
   */
  deliveriesPerCpuSecond: number;
}

// The receiver runs on a thread of its own, as it would on its own machine: the figure is then
// the gateway's work, not the receiver's.
const RECEIVER = `
const { parentPort } = require('node:worker_threads');
const { createServer } = require('node:http');
let count = 0;
let target = Infinity;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(204).end();
    if (++count === target) parentPort.postMessage({ done: count });
  });
});
parentPort.on('message', (m) => {
  if (m.target !== undefined) {
    target = m.target;
    if (count >= target) parentPort.postMessage({ done: count });
  }
  if (m.close) server.close(() => parentPort.close());
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

async function startReceiver() {
  const thread = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((resolve) =>
    thread.once('message', (m: { port: number }) => resolve(m.port)),
  );
  return {
    url: `http://127.0.0.1:${port}/hook`,
    waitFor: (n: number) =>
      new Promise<void>((resolve) => {
        thread.on('message', (m: { done?: number }) => m.done !== undefined && resolve());
        thread.postMessage({ target: n });
      }),
    close: async () => {
      await thread.terminate();
    },
  };
}

/** Records events spread over devices, in transactions of 100, publishing each batch after commit. */
async function recordEvents(ctx: AppContext, workspaceId: string, total: number, devices: number) {
  for (let sent = 0; sent < total; sent += 100) {
    const batch: WapingEvent[] = await ctx.db.transaction().execute(async (trx) => {
      const out: WapingEvent[] = [];
      for (let i = sent; i < Math.min(sent + 100, total); i++) {
        const deviceId = `dev_bench${i % devices}`;
        const data = { id: `msg_bench${i}`, deviceId, status: 'delivered' };
        const now = new Date();
        out.push(
          await ctx.events.record(trx, { workspaceId, type: 'message.delivered', data, deviceId, now }),
        );
      }
      return out;
    });
    ctx.events.publish(batch);
  }
}

/** Times the delivery of `events` events (spread over `devices` devices) until the receiver has them all. */
export async function benchWebhooks(
  options: { mode?: 'backlog' | 'live'; events?: number; devices?: number; databaseUrl?: string } = {},
): Promise<WebhookBenchResult> {
  const mode = options.mode ?? 'backlog';
  const total = options.events ?? 5000;
  const devices = options.devices ?? 10;
  const dataDir = mkdtempSync(join(tmpdir(), 'waping-bench-'));
  const receiver = await startReceiver();
  const config = loadConfig({
    WAPING_DATA_DIR: dataDir,
    WAPING_MASTER_KEY: 'bench-master-key-0123456789abcdef0123456789',
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const start = () => buildApp(config, { logger: pino({ level: 'silent' }) });
  let app = await start();
  try {
    await app.ready();
    const workspace = await app.ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const { key } = await createApiKey(app.ctx.db, {
      workspaceId: workspace.id,
      name: 'bench',
      now: new Date(),
    });
    const created = await app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: { authorization: `Bearer ${key}` },
      payload: { url: receiver.url, events: ['*'] },
    });
    if (created.statusCode !== 201) throw new Error(`cannot create the endpoint: ${created.body}`);

    let started: number;
    let cpu: NodeJS.CpuUsage;
    if (mode === 'backlog') {
      // Recorded by a server whose worker is stopped; the next start finds them all waiting.
      await app.close();
      app = await start();
      await recordEvents(app.ctx, workspace.id, total, devices);
      await app.close();
      app = await start();
      started = performance.now();
      cpu = process.cpuUsage();
      await app.ready();
    } else {
      started = performance.now();
      cpu = process.cpuUsage();
      await recordEvents(app.ctx, workspace.id, total, devices);
    }
    await receiver.waitFor(total);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    return {
      mode,
      events: total,
      devices,
      seconds: Number(seconds.toFixed(3)),
      deliveriesPerSecond: Math.round(total / seconds),
      deliveriesPerCpuSecond: Math.round(total / cpuSeconds),
    };
  } finally {
    await app.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const backlog = await benchWebhooks({ databaseUrl, mode: 'backlog' });
  const live = await benchWebhooks({ databaseUrl, mode: 'live' });
  // One device: every event waits for the one before it (per-device order), the slowest shape.
  const ordered = await benchWebhooks({ databaseUrl, mode: 'backlog', devices: 1, events: 2000 });
  console.log(
    JSON.stringify({
      bench: 'webhooks',
      dialect: databaseUrl ? 'postgres' : 'sqlite',
      target: 1000,
      deliveriesPerSecond: backlog.deliveriesPerSecond,
      backlog,
      live,
      ordered,
    }),
  );
}
