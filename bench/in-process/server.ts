import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createApiKey } from '../../src/workspaces/api-keys.js';

export interface BenchServer {
  app: FastifyInstance;
  url: string;
  key: string;
  deviceId: string;
  close(): Promise<void>;
}

/**
 * A server in this process on loopback with a linked sandbox device (pacing off), for the feature
 * benches that drive it from inside (webhooks, message log). Not for ratios: see bench/run.ts.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'waping-bench-'));
  const config = loadConfig({
    WAPING_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WAPING_MASTER_KEY: 'bench-master-key-0123456789abcdef012345',
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...env,
  });
  const app = await buildApp(config, { logger: pino({ level: 'silent' }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const workspace = await app.ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  const { key } = await createApiKey(app.ctx.db, {
    workspaceId: workspace.id,
    name: 'bench',
    now: new Date(),
  });
  const auth = { authorization: `Bearer ${key}` };
  const device = (
    await app.inject({ method: 'POST', url: '/v1/devices', headers: auth, payload: { name: 'bench' } })
  ).json<{ id: string }>();
  await app.inject({ method: 'POST', url: `/v1/devices/${device.id}/connect`, headers: auth });
  for (let i = 0; i < 100 && !app.supervisor.currentQr(device.id); i++)
    await new Promise((r) => setTimeout(r, 20));
  await app.inject({
    method: 'POST',
    url: `/v1/sandbox/devices/${device.id}/scan`,
    headers: auth,
    payload: { phone: '+15550009999' },
  });
  return { app, url, key, deviceId: device.id, close: () => app.close() };
}
