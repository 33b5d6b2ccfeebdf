import { Api } from '../lib/api.js';
import { scratchDatabase } from '../lib/databases.js';
import { rssMb } from '../lib/proc.js';
import type { BenchContext } from '../lib/settings.js';
import { median, round, sleep } from '../lib/stats.js';
import { startWaping, timeNpmStart } from '../lib/waping-process.js';

export interface StartupResult {
  /** Spawn → first 200 from /healthz on an empty database (migrations run). */
  firstStartMs: number;
  /** The same on the database of a previous start, the usual restart; median of the runs. */
  restartMs: number;
  restartRuns: number[];
  /** CPU milliseconds used until /healthz answered (restart, median). */
  restartCpuMs: number;
  /** `npm start` as a user types it (npm and the dashboard build check included), on the same database. */
  npmStartMs: number | null;
  rssAtStartMb: number;
  /** After linking one sandbox device and idling. */
  idleRssMb: number;
  idleSeconds: number;
}

/** Time from process start to /healthz answering, and resident memory idle with one linked device. */
export async function startupAndIdle(bench: BenchContext): Promise<StartupResult> {
  const { settings } = bench;
  const db = await scratchDatabase(bench.dialect, 'startup');
  try {
    const first = await startWaping(db);
    await first.stop();
    // npm itself adds its own start-up: timed once, and not in the quick mode.
    const npmStartMs = settings.quick ? null : round(await timeNpmStart(db), 0);
    const restarts: number[] = [];
    const cpu: number[] = [];
    let server = await startWaping(db);
    restarts.push(server.startMs);
    cpu.push(server.startCpuMs);
    while (restarts.length < settings.starts) {
      await server.stop();
      server = await startWaping(db);
      restarts.push(server.startMs);
      cpu.push(server.startCpuMs);
    }
    try {
      const rssAtStartMb = rssMb(server.pid);
      const api = new Api(server.url, server.headers);
      const device = await api.createDevice('idle');
      await api.link(device.id, '+15550009999');
      await sleep(settings.idleSeconds * 1000);
      const result = {
        firstStartMs: round(first.startMs, 0),
        restartMs: round(median(restarts), 0),
        restartRuns: restarts.map((r) => round(r, 0)),
        restartCpuMs: median(cpu),
        npmStartMs,
        rssAtStartMb,
        idleRssMb: rssMb(server.pid),
        idleSeconds: settings.idleSeconds,
      };
      bench.log(
        `start → /healthz: first ${result.firstStartMs} ms, restart ${result.restartMs} ms (${result.restartCpuMs} ms CPU), npm start ${npmStartMs ?? '–'} ms; RSS ${rssAtStartMb} MB at start, ${result.idleRssMb} MB idle with one linked device`,
      );
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
