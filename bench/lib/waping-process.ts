import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv, spawnChild, type Child } from './child.js';
import type { ScratchDatabase } from './databases.js';
import { freePort, waitUntilUp } from './ports.js';
import { cpuSeconds } from './proc.js';
import { sleep } from './stats.js';
import { ROOT, startCommand } from './start-command.js';

export const BENCH_API_KEY = 'wap_bench_0123456789abcdef0123456789abcdef';
const MASTER_KEY = 'bench-master-key-0123456789abcdef012345';

export interface WapingProcess extends Child {
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startMs: number;
  /** CPU milliseconds the process used until then: steadier than the wall time on a busy machine. */
  startCpuMs: number;
  headers: Record<string, string>;
}

/**
 * WAPing in its own process, started with the server step of `npm start`, on a scratch database.
 * Logging stays at the default level a user gets (info, one line per request), written to a file.
 */
export async function startWaping(
  db: ScratchDatabase,
  options: {
    env?: Record<string, string>;
    nodeOptions?: string;
    /** Node flags not allowed in NODE_OPTIONS (--cpu-prof), put before the start command's own. */
    nodeArgs?: string[];
  } = {},
): Promise<WapingProcess> {
  const port = await freePort();
  const env = wapingEnv(db, port, options);
  const command = startCommand();
  const started = performance.now();
  const args = [...(options.nodeArgs ?? []), ...command.args];
  const child = spawnChild(command.file, args, env, join(db.dir, 'waping.log'));
  const url = `http://127.0.0.1:${port}`;
  let startMs: number;
  let onExit: ((code: number | null) => void) | undefined;
  try {
    startMs = await Promise.race([
      waitUntilUp(`${url}/healthz`, started),
      new Promise<never>((_, reject) => {
        onExit = (code) => reject(new Error(`WAPing exited with ${code}:\n${child.tail()}`));
        child.proc.once('exit', onExit);
      }),
    ]);
  } catch (err) {
    await child.stop(1000);
    throw err;
  } finally {
    // Only a death during start-up is an error; a later stop is not.
    if (onExit) child.proc.off('exit', onExit);
  }
  return {
    ...child,
    url,
    startMs,
    startCpuMs: Math.round(cpuSeconds(child.pid) * 1000),
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
  };
}

/**
 * Milliseconds from running `npm start` itself (npm, the steps before the server, the server) to
 * /healthz answering: what a user waits for. The whole process group is stopped afterwards.
 */
export async function timeNpmStart(db: ScratchDatabase): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: wapingEnv(db, port, {}),
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  try {
    return await waitUntilUp(`http://127.0.0.1:${port}/healthz`, started);
  } finally {
    // npm → sh → node: signal the group this call created, then wait for npm to go.
    process.kill(-proc.pid!, 'SIGTERM');
    await exited;
    for (let i = 0; i < 2000 && groupAlive(proc.pid!); i++) await sleep(10);
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function wapingEnv(
  db: ScratchDatabase,
  port: number,
  options: { env?: Record<string, string>; nodeOptions?: string },
): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    HOST: '127.0.0.1',
    PORT: String(port),
    WAPING_DATA_DIR: join(db.dir, 'data'),
    WAPING_API_KEY: BENCH_API_KEY,
    WAPING_MASTER_KEY: MASTER_KEY,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
    ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    ...options.env,
  };
}
