import { join } from 'node:path';
import { cleanEnv, spawnChild, type Child } from './child.js';
import type { ScratchDatabase } from './databases.js';
import { freePort, waitUntilUp } from './ports.js';

export interface FloorProcess extends Child {
  url: string;
}

const SCRIPT = join(import.meta.dirname, '..', 'floor', 'server.ts');

/** The floor server in its own process (run through tsx: compiled once at load, not per request). */
export async function startFloor(db: ScratchDatabase): Promise<FloorProcess> {
  const port = await freePort();
  const env = {
    ...cleanEnv(),
    PORT: String(port),
    FLOOR_DIALECT: db.dialect,
    FLOOR_DIR: db.dir,
    ...(db.url ? { FLOOR_PG_URL: db.url } : {}),
  };
  const child = spawnChild(process.execPath, ['--import', 'tsx', SCRIPT], env, join(db.dir, 'floor.log'));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/healthz`, performance.now(), 30_000);
  } catch (err) {
    await child.stop(1000);
    throw new Error(`${(err as Error).message}\n${child.tail()}`, { cause: err });
  }
  return { ...child, url };
}
