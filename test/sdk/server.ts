import { writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WAPing } from '@waping/sdk';
import { eventually, TEST_MASTER_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

export const SDK_TEST_KEY = 'wap_sdk_test_key_000000000000000000001';

export interface SdkServer {
  db: TestDatabase;
  server: ServerProcess;
  url: string;
  apiKey: string;
  /** A client with quick retries, so tests that exercise them stay short. */
  client(options?: ConstructorParameters<typeof WAPing>[0]): WAPing;
  close(): Promise<void>;
}

/** A real `waping serve` process (sandbox on) on a fresh database of this file's dialect. */
export async function startSdkServer(
  options: { env?: Record<string, string>; plans?: Record<string, object> } = {},
): Promise<SdkServer> {
  const db = await createTestDatabase();
  const env: Record<string, string> = {
    WAPING_DATA_DIR: db.dataDir,
    WAPING_MASTER_KEY: TEST_MASTER_KEY,
    WAPING_API_KEY: SDK_TEST_KEY,
    WAPING_SANDBOX: 'true',
    WAPING_SANDBOX_DELIVERED_MS: '30',
    WAPING_SANDBOX_READ_MS: '60',
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...options.env,
  };
  if (options.plans) {
    env.WAPING_PLANS_FILE = join(db.dataDir, 'plans.json');
    writeFileSync(env.WAPING_PLANS_FILE, JSON.stringify(options.plans));
  }
  const server = await startServerProcess(env);
  return {
    db,
    server,
    url: server.url,
    apiKey: SDK_TEST_KEY,
    client: (overrides = {}) =>
      new WAPing({ apiKey: SDK_TEST_KEY, baseUrl: server.url, maxRetries: 3, ...overrides }),
    close: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

/** Adds a sandbox device through the SDK and links it with the simulated phone `phone`. */
export async function linkSandboxDevice(waping: WAPing, phone = '+15550009999'): Promise<string> {
  const device = await waping.devices.create({ name: 'Line' });
  await waping.devices.connect(device.id);
  await eventually(async () => (await waping.devices.get(device.id)).status === 'qr');
  await waping.sandbox.scan(device.id, { phone });
  await eventually(async () => (await waping.devices.get(device.id)).status === 'connected');
  return device.id;
}

export interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}

/**
 * A loopback HTTP proxy in front of the server. Every request is forwarded; for the ones
 * `dropResponse` picks, the server's whole answer is read and then the client's connection is
 * cut, as when a network fails after the server did the work.
 */
export async function startFaultyProxy(target: string) {
  const seen: SeenRequest[] = [];
  let dropResponse: (req: IncomingMessage, index: number) => boolean = () => false;
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const index = seen.length;
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    });
    const drop = dropResponse(req, index);
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    /** Which requests lose their answer (by the proxy's count, from 0). */
    dropWhen(predicate: (req: IncomingMessage, index: number) => boolean) {
      dropResponse = predicate;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
