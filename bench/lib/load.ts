import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanEnv } from './child.js';
import { cpuSeconds, postgresCpuSeconds } from './proc.js';
import type { LoadResult, LoadSpec } from '../load/spec.js';

export type { LoadResult, LoadSpec } from '../load/spec.js';

/** Longest warm-up of a run whose server is still compiling (LoadSpec.settle). */
const MAX_WARM_SECONDS = 8;

const WORKER = join(import.meta.dirname, '..', 'load', 'worker.ts');

export interface MeasuredLoad extends LoadResult {
  /**
   * CPU milliseconds the server process used per 2xx answer during the measured run (not the
   * warm-up). On a shared machine this moves much less than the rate does, so it is the steadier
   * figure to compare with the floor.
   */
  serverCpuMsPerOk: number;
  /**
   * CPU milliseconds every PostgreSQL process of the machine used per 2xx answer during the
   * measured run: the database's share of a request on PostgreSQL (about nothing on SQLite).
   */
  postgresCpuMsPerOk: number;
}

/**
 * Runs one load in a separate autocannon process against the server whose pid is `serverPid`,
 * and returns what it measured plus the server's CPU time per answer. `afterWarmup` runs between
 * the warm-up and the measured run, with no load on the server.
 */
export async function load(
  spec: LoadSpec,
  serverPid?: number,
  afterWarmup?: () => Promise<void>,
): Promise<MeasuredLoad> {
  // A file, not an argument: a list of requests can be larger than one argument may be.
  const dir = mkdtempSync(join(tmpdir(), 'waping-load-'));
  const file = join(dir, 'spec.json');
  // A warmed-up run against a known server also waits, within bounds, for its JIT to settle.
  const settle =
    serverPid && spec.warmupSeconds ? { pid: serverPid, maxSeconds: MAX_WARM_SECONDS } : undefined;
  const pause = afterWarmup ? { pauseAfterWarmup: true } : {};
  writeFileSync(file, JSON.stringify({ ...spec, ...(settle ? { settle } : {}), ...pause }));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file], {
      env: cleanEnv(),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const timeout = setTimeout(
      () => child.kill('SIGKILL'),
      (Math.max(spec.warmupSeconds ?? 0, MAX_WARM_SECONDS) + spec.seconds + 300) * 1000,
    );
    let cpuAtStart = Number.NaN;
    let postgresAtStart = Number.NaN;
    let result: LoadResult | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'WARMED') {
        await afterWarmup?.();
        child.stdin.write('GO\n');
      } else if (line === 'MEASURING') {
        cpuAtStart = serverPid ? cpuSeconds(serverPid) : Number.NaN;
        postgresAtStart = postgresCpuSeconds();
      } else if (line.startsWith('{')) result = JSON.parse(line) as LoadResult;
    }
    const cpuAtEnd = serverPid ? cpuSeconds(serverPid) : Number.NaN;
    const postgresAtEnd = postgresCpuSeconds();
    clearTimeout(timeout);
    if (!result) throw new Error('the load process gave no result');
    const perOk = (seconds: number) => Math.round(((seconds * 1000) / Math.max(1, result.ok)) * 1000) / 1000;
    return {
      ...result,
      serverCpuMsPerOk: perOk(cpuAtEnd - cpuAtStart),
      postgresCpuMsPerOk: perOk(postgresAtEnd - postgresAtStart),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
