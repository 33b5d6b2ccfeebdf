import { gatherStatistics } from '../lib/databases.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load } from '../lib/load.js';
import { sampleQueue } from '../lib/observer.js';
import { sampleProcess } from '../lib/proc.js';
import type { BenchContext } from '../lib/settings.js';
import { percentile, round } from '../lib/stats.js';
import { describe, figureOf, type RateFigure } from '../lib/summary.js';

export interface ConnectedFigure extends RateFigure {
  seconds: number;
  /** Messages the dispatcher handed to the engine per second during the run. */
  handedOffPerSecond: number;
  /** Messages that reached `read` by the end of the run, per second of run. */
  readPerSecond: number;
  /** Queue depth (queued + sending) sampled every second: at a quarter, half, three quarters, end; max. */
  queueDepth: { q1: number; q2: number; q3: number; end: number; max: number };
  /**
   * Whether the queue kept growing over the second half of the run (more than 1 message/s) to more
   * than the requests in flight.
   */
  queueGrowing: boolean;
  /** Accept → `sent` for messages handed off during the run; `stillQueued` were not handed off at all. */
  acceptToHandoffMs: { p50: number; p99: number; stillQueued: number };
  serverCpuCores: number;
  peakRssMb: number;
}

/**
 * POST /v1/messages with the device connected: each accepted message is also dispatched, handed to
 * the sandbox engine and moved through sent, delivered and read by its receipts, all in the same
 * process as the requests. One long run per concurrency on a fresh server, then a floor run.
 */
export async function connectedPath(bench: BenchContext): Promise<ConnectedFigure[]> {
  const { settings, floor } = bench;
  const figures: ConnectedFigure[] = [];
  for (const connections of settings.otherConcurrencies) {
    const linked = await linkedServer(bench, `connected${connections}`);
    try {
      if (floor.summary(connections).runs === 0) await floor.measure(connections);
      const startedIso = new Date().toISOString();
      const queue = sampleQueue(linked.observer);
      const cpu = sampleProcess(linked.server.pid);
      const run = await load(
        {
          url: `${linked.server.url}/v1/messages`,
          method: 'POST',
          headers: linked.server.headers,
          body: SEND_BODY,
          connections,
          seconds: settings.connectedSeconds,
          warmupSeconds: settings.warmupSeconds,
        },
        linked.server.pid,
        () => gatherStatistics(linked.db),
      );
      queue.stop();
      const usage = cpu.stop();
      const elapsed = (Date.now() - Date.parse(startedIso)) / 1000;
      const handed = await linked.observer.handoffs(startedIso);
      const counts = await linked.observer.statusCounts();
      const waits = await linked.observer.acceptToHandoff(startedIso);
      const depths = queue.depths;
      const at = (f: number) => depths[Math.min(depths.length - 1, Math.floor(f * (depths.length - 1)))] ?? 0;
      const half = depths.slice(Math.floor(depths.length / 2));
      const growth = half.length > 1 ? (half.at(-1)! - half[0]!) / (half.length - 1) : 0;
      const figure: ConnectedFigure = {
        ...figureOf(bench, connections, [run]),
        seconds: settings.connectedSeconds,
        handedOffPerSecond: Math.round(handed.length / elapsed),
        readPerSecond: Math.round((counts.read ?? 0) / elapsed),
        queueDepth: { q1: at(0.25), q2: at(0.5), q3: at(0.75), end: at(1), max: Math.max(0, ...depths) },
        // Up to one message per connection is always on its way (accepted, not handed off yet):
        // a queue that ends within that is not growing, whatever its samples did.
        queueGrowing: growth > 1 && half.at(-1)! > connections,
        acceptToHandoffMs: {
          p50: round(percentile(waits, 50), 0),
          p99: round(percentile(waits, 99), 0),
          stillQueued: (counts.queued ?? 0) + (counts.sending ?? 0),
        },
        serverCpuCores: usage.cpuCores,
        peakRssMb: usage.peakRssMb,
      };
      bench.log(
        `${describe('connected (through read)', figure)}; handed off ${figure.handedOffPerSecond}/s, read ${figure.readPerSecond}/s; queue ${JSON.stringify(figure.queueDepth)}${figure.queueGrowing ? ' GROWING' : ''}; accept→hand-off p50 ${figure.acceptToHandoffMs.p50} ms p99 ${figure.acceptToHandoffMs.p99} ms; server ${usage.cpuCores} cores, ${usage.peakRssMb} MB`,
      );
      figures.push(figure);
    } finally {
      await linked.close();
    }
    // After the server is gone: a backlog it still works through must not slow the floor down.
    await floor.measure(connections);
  }
  return figures;
}
