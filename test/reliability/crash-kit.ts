/**
 * What the crash suite shares (docs/testing.md, "The crash suite"): a `waping serve` process on
 * the file's database that can be killed with SIGKILL and started again on the same data, an API
 * client for it, and the seeded choice of kill points.
 */
import { eventually, TEST_MASTER_KEY } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

export const API_KEY = 'wap_crash_suite_key_000000000000001';

export interface ApiAnswer {
  status: number;
  json: Record<string, unknown>;
}

/** One server that is killed and restarted on the same data, always as the same node. */
export class CrashableServer {
  private current: ServerProcess | undefined;
  starts = 0;

  constructor(
    private readonly db: TestDatabase,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    if (!this.current) throw new Error('the server is not running');
    return this.current.url;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  async start(): Promise<void> {
    this.current = await startServerProcess({
      WAPING_DATA_DIR: this.db.dataDir,
      WAPING_MASTER_KEY: TEST_MASTER_KEY,
      WAPING_API_KEY: API_KEY,
      // The same node after every restart takes its own leases back at once.
      WAPING_NODE_ID: 'crash-node',
      ...(this.db.databaseUrl ? { DATABASE_URL: this.db.databaseUrl } : {}),
      ...this.env,
    });
    this.starts++;
  }

  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.kill();
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.stop();
  }

  /** A request to the running server; throws when the connection fails (the server died). */
  async api(
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const server = this.current;
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    }).catch((err: unknown) => {
      // A server that died on its own (not killed by the test) says why in its last lines.
      const exit = server ? `${server.child.exitCode ?? server.child.signalCode ?? 'running'}` : 'none';
      const tail = server?.output.slice(-30).join('\n') ?? '';
      throw new Error(`${method} ${path} failed (server exit: ${exit}):\n${tail}`, { cause: err });
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

/** Creates a sandbox device, shows its QR and scans it; the device is connected on return. */
export async function linkSandboxDevice(server: CrashableServer, phone: string): Promise<string> {
  const created = await server.api('POST', '/v1/devices', { name: `Line ${phone}` });
  if (created.status !== 201)
    throw new Error(`create device: ${created.status} ${JSON.stringify(created.json)}`);
  const id = String(created.json.id);
  await server.api('POST', `/v1/devices/${id}/connect`);
  await eventually(async () => (await server.api('GET', `/v1/devices/${id}`)).json.status === 'qr', 20_000);
  const scan = await server.api('POST', `/v1/sandbox/devices/${id}/scan`, { phone });
  if (scan.status !== 200) throw new Error(`scan: ${scan.status} ${JSON.stringify(scan.json)}`);
  await eventually(
    async () => (await server.api('GET', `/v1/devices/${id}`)).json.status === 'connected',
    20_000,
  );
  return id;
}

/** Every message's status, by id, read page by page. */
export async function messageStatuses(server: CrashableServer): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await server.api('GET', `/v1/messages?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const data = page.json.data as Array<{ id: string; status: string }>;
    for (const m of data) statuses.set(m.id, m.status);
    const next = page.json.nextCursor;
    if (typeof next !== 'string' || data.length === 0) return statuses;
    cursor = encodeURIComponent(next);
  }
}

/** Small and seeded, so a run's kill points can be repeated exactly (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The suite's knobs (docs/testing.md): a fixed seed and a small number of kills unless overridden. */
export function crashSettings(defaults: { kills: number }): { seed: number; kills: number } {
  const seed = Number(process.env.WAPING_CRASH_SEED ?? 20_261_128);
  const kills = Number(process.env.WAPING_CRASH_KILLS ?? defaults.kills);
  if (!Number.isInteger(seed)) throw new Error('WAPING_CRASH_SEED must be an integer');
  if (!Number.isInteger(kills) || kills < 1) throw new Error('WAPING_CRASH_KILLS must be a positive integer');
  return { seed, kills };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
