import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/lib/ids.js';
import { createApiKey } from '../src/workspaces/api-keys.js';

export interface BenchServer {
  app: FastifyInstance;
  url: string;
  key: string;
  deviceId: string;
  close(): Promise<void>;
}

/**
 * A real server on loopback with a linked sandbox device (pacing off), plus the baseline route
 * `POST /bench/floor`: parse the same JSON body and do one insert into the same database.
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
  await sql`create table if not exists bench_floor (id text primary key, phone text not null, body text not null, created_at text not null)`.execute(
    app.ctx.db,
  );
  app.post('/bench/floor', { config: { scope: 'public' } }, async (request, reply) => {
    const body = request.body as { to: string; text: { body: string } };
    const id = newId('msg');
    await sql`insert into bench_floor (id, phone, body, created_at) values (${id}, ${body.to}, ${body.text.body}, ${new Date().toISOString()})`.execute(
      app.ctx.db,
    );
    return reply.status(202).send({ id });
  });
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
