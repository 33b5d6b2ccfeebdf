import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createApiKey } from '../../src/workspaces/api-keys.js';
import { scratchDatabase } from '../lib/databases.js';

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
 * With BENCH_DATABASE_URL it runs on a fresh PostgreSQL database made on that server, dropped on
 * close, so a run never writes into the database the URL names.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const pgServer = process.env.BENCH_DATABASE_URL;
  const scratch = await scratchDatabase(pgServer ? 'postgres' : 'sqlite', 'inproc', pgServer);
  const config = loadConfig({
    WAPING_DATA_DIR: scratch.dir,
    LOG_LEVEL: 'silent',
    WAPING_MASTER_KEY: 'bench-master-key-0123456789abcdef012345',
    ...(scratch.url ? { DATABASE_URL: scratch.url } : {}),
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
  return {
    app,
    url,
    key,
    deviceId: device.id,
    close: async () => {
      await app.close();
      await scratch.drop();
    },
  };
}
