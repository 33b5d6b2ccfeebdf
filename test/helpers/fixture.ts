import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from 'vitest';
import type { AppDeps } from '../../src/app.js';
import { startApp, type TestApp } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface AppFixtures {
  /** This file's database: a temp folder, and its own database on PostgreSQL. */
  db: TestDatabase;
  /** The app every test of the file shares, with an all-scopes key of the default workspace. */
  t: TestApp;
}

export interface AppTestOptions {
  /** Environment on top of testConfig's; a function when it needs the file's data folder. */
  env?: Record<string, string> | ((db: TestDatabase) => Record<string, string>);
  deps?: AppDeps;
  /** Plans for WAPING_PLANS_FILE, written into the file's data folder. */
  plans?: Record<
    string,
    {
      devices: number | null;
      messagesPerMonth: number | null;
      api: boolean;
      requestsPerMinute: number | null;
    }
  >;
}

/**
 * `it` for a file whose tests share one app: the database and the app are made before the
 * file's first test that asks for them (or its `it.beforeAll`) and closed after its last.
 *
 *   const it = appTest({ env: { WAPING_BODY_LIMIT_BYTES: '2048' } });
 *   it('…', async ({ t }) => { … });
 */
export function appTest(options: AppTestOptions = {}) {
  return base.extend<AppFixtures>({
    db: [
      // eslint-disable-next-line no-empty-pattern -- Vitest reads the fixtures a fixture needs from this pattern.
      async ({}, use) => {
        const db = await createTestDatabase();
        await use(db);
        await db.drop();
      },
      { scope: 'file' },
    ],
    t: [
      async ({ db }, use) => {
        const env = { ...(typeof options.env === 'function' ? options.env(db) : options.env) };
        if (options.plans) {
          env.WAPING_PLANS_FILE = join(db.dataDir, 'plans.json');
          writeFileSync(env.WAPING_PLANS_FILE, JSON.stringify(options.plans));
        }
        const t = await startApp(db, env, options.deps);
        await use(t);
        await t.close();
      },
      { scope: 'file' },
    ],
  });
}
