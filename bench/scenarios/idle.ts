import { Api, inParallel } from '../lib/api.js';
import { scratchDatabase } from '../lib/databases.js';
import { sampleProcess } from '../lib/proc.js';
import type { BenchContext } from '../lib/settings.js';
import { round, sleep } from '../lib/stats.js';
import { startWaping } from '../lib/waping-process.js';

export interface IdleResult {
  devices: number;
  seconds: number;
  /** Server CPU with every line connected and nothing queued: what idle lines cost. */
  serverCpuCores: number;
  /** The same per line, in ms of CPU per second. */
  cpuMsPerLinePerSecond: number;
}

/**
 * Many connected lines with nothing to send: N sandbox devices linked and online, no messages,
 * and the server's CPU over a window once they have settled. Before a line sleeps until woken,
 * this is the cost of whatever each idle line still does on its own.
 */
export async function idleLines(bench: BenchContext): Promise<IdleResult> {
  const { settings } = bench;
  const n = settings.scaleDevices;
  const seconds = settings.quick ? 5 : 20;
  const db = await scratchDatabase(bench.dialect, 'idle');
  const server = await startWaping(db);
  try {
    const api = new Api(server.url, server.headers);
    await inParallel(
      Array.from({ length: n }, (_, i) => i),
      10,
      async (i) => {
        const { id } = await api.createDevice(`idle ${i}`);
        await api.link(id, `+1555${String(7_000_000 + i).padStart(7, '0')}`);
      },
    );
    // Linking writes and logs; let that settle before the window.
    await sleep(3000);
    const cpu = sampleProcess(server.pid);
    await sleep(seconds * 1000);
    const usage = cpu.stop();
    const result: IdleResult = {
      devices: n,
      seconds,
      serverCpuCores: usage.cpuCores,
      cpuMsPerLinePerSecond: round((usage.cpuCores * 1000) / n, 3),
    };
    bench.log(
      `idle: ${n} connected lines, nothing queued, ${seconds} s: server ${usage.cpuCores} cores (${result.cpuMsPerLinePerSecond} ms CPU per line per second)`,
    );
    return result;
  } finally {
    await server.stop();
    await db.drop();
  }
}
