import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino, { type Logger } from 'pino';
import { Writable } from 'node:stream';
import { buildApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { WapingEvent } from '../../src/events/types.js';
import { createApiKey } from '../../src/workspaces/api-keys.js';
import type { Plan } from '../../src/workspaces/plans.js';
import type { Scope } from '../../src/workspaces/scopes.js';
import type { TestDatabase } from './database.js';

export const TEST_MASTER_KEY = 'test-master-key-0123456789abcdef0123456789';

/** Config for tests: quiet, fast sandbox receipts, loopback webhooks allowed; overrides win. */
export function testConfig(db: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    WAPING_DATA_DIR: db.dataDir,
    WAPING_MASTER_KEY: TEST_MASTER_KEY,
    WAPING_SANDBOX_DELIVERED_MS: '30',
    WAPING_SANDBOX_READ_MS: '60',
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    WAPING_LEASE_TTL_SECONDS: '5',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...env,
  });
}

/** A logger whose lines are kept, so tests can prove what never reaches the logs. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  workspaceId: string;
  /** An all-scopes key of the default workspace. */
  apiKey: string;
  /**
   * Every event this app published on its bus (after its change committed), in order. Only an
   * event a webhook may want has a row in `events`; the bus carries every one.
   */
  published: WapingEvent[];
  /** `app.inject` with the API key unless `headers.authorization` is given. */
  request(options: InjectOptions & { key?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startApp(
  db: TestDatabase,
  env: Record<string, string> = {},
  deps: AppDeps = {},
): Promise<TestApp> {
  const config = testConfig(db, env);
  const app = await buildApp(config, { logger: pino({ level: 'silent' }), ...deps });
  const published: WapingEvent[] = [];
  app.ctx.bus.subscribe('events', (event) => published.push(event));
  await app.ready();
  const workspace = await app.ctx.db
    .selectFrom('workspaces')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { key } = await createApiKey(app.ctx.db, {
    workspaceId: workspace.id,
    name: 'test',
    now: new Date(),
  });
  return {
    app,
    config,
    workspaceId: workspace.id,
    apiKey: key,
    published,
    request: ({ key: useKey, ...options }) => {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      const k = useKey === undefined ? key : useKey;
      if (k !== null && headers.authorization === undefined) headers.authorization = `Bearer ${k}`;
      return app.inject({ ...options, headers });
    },
    close: () => app.close(),
  };
}

/** Another workspace with its own key, for tenant-isolation tests. */
export async function otherWorkspace(
  t: TestApp,
  plan = 'selfhosted',
  scopes?: Scope[],
): Promise<{ workspaceId: string; apiKey: string }> {
  const now = new Date();
  const id = `ws_${Math.random().toString(36).slice(2, 10)}`;
  await t.app.ctx.db
    .insertInto('workspaces')
    .values({
      id,
      name: `other-${id}`,
      plan,
      settings: '{}',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  const { key } = await createApiKey(t.app.ctx.db, { workspaceId: id, name: 'other', scopes, now });
  return { workspaceId: id, apiKey: key };
}

export async function createKey(t: TestApp, scopes: Scope[], workspaceId = t.workspaceId): Promise<string> {
  const { key } = await createApiKey(t.app.ctx.db, { workspaceId, name: 'scoped', scopes, now: new Date() });
  return key;
}

/** Polls until `check` returns a value other than undefined/false (events arrive asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  intervalMs = 20,
): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A workspace's plan (the test's own by default), as its requests get it: for calling services directly. */
export async function workspacePlan(t: TestApp, workspaceId = t.workspaceId): Promise<Plan> {
  const workspace = await t.app.ctx.db
    .selectFrom('workspaces')
    .select('plan')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return t.app.ctx.plans.get(workspace.plan);
}
