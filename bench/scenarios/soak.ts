import { join } from 'node:path';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load } from '../lib/load.js';
import { rssMb } from '../lib/proc.js';
import type { BenchContext } from '../lib/settings.js';
import { round, sleep } from '../lib/stats.js';

export interface SoakWindow {
  okPerSecond: number;
  cpuMsPerOk: number;
  /** Resident memory right after a full garbage collection, at the window's end. */
  rssMbAfterGc: number;
}

export interface SoakFigure {
  connections: number;
  secondsPerWindow: number;
  windows: SoakWindow[];
  /** CPU per message of the last window over the second's (the first one warms up). */
  cpuGrowth: number;
}

const GC_ON_SIGNAL = join(import.meta.dirname, '..', 'lib', 'gc-on-signal.mjs');

/**
 * The connected path on one server for a while, in windows back to back: each window's rate, CPU
 * per message and memory after a full collection. Work that grows with what the server has done
 * (a list scanned whole at every message, a cache that never forgets) makes the windows worse one
 * after the other, which an average over one long run hides: a line's pacer once filtered a
 * day of send times before every claim, and a minute's run did half of what five seconds did.
 */
export async function soak(bench: BenchContext): Promise<SoakFigure> {
  const { settings } = bench;
  const windows = settings.quick ? 3 : 6;
  const seconds = settings.quick ? 4 : 10;
  const connections = 10;
  const linked = await linkedServer(bench, 'soak', { nodeOptions: `--import ${GC_ON_SIGNAL}` });
  try {
    const measured: SoakWindow[] = [];
    for (let i = 0; i < windows; i++) {
      const run = await load(
        {
          url: `${linked.server.url}/v1/messages`,
          method: 'POST',
          headers: linked.server.headers,
          body: SEND_BODY,
          connections,
          seconds,
          warmupSeconds: 0,
        },
        linked.server.pid,
      );
      // SIGURG: a full collection in the server (gc-on-signal.mjs), then the memory it holds.
      process.kill(linked.server.pid, 'SIGURG');
      await sleep(500);
      measured.push({
        okPerSecond: run.okPerSecond,
        cpuMsPerOk: run.serverCpuMsPerOk,
        rssMbAfterGc: rssMb(linked.server.pid),
      });
    }
    const second = measured[Math.min(1, measured.length - 1)]!;
    const figure: SoakFigure = {
      connections,
      secondsPerWindow: seconds,
      windows: measured,
      cpuGrowth: round(measured.at(-1)!.cpuMsPerOk / second.cpuMsPerOk, 2),
    };
    bench.log(
      `soak (connected, c=${connections}, ${windows} × ${seconds} s on one server): ` +
        measured.map((w) => `${w.okPerSecond}/s ${w.cpuMsPerOk} ms ${w.rssMbAfterGc} MB`).join(' → ') +
        `; CPU per message, last window over the second: × ${figure.cpuGrowth}`,
    );
    return figure;
  } finally {
    await linked.close();
  }
}
