import type { FloorProcess } from './floor-process.js';
import { load, type MeasuredLoad } from './load.js';
import { median } from './stats.js';

/** The message body every send scenario and the floor use. */
export const SEND_BODY = { to: '+15551234567', type: 'text', text: { body: 'Your code is 123456' } };

/**
 * Floor runs of one dialect, by concurrency. Scenarios interleave a floor run with theirs, and
 * every ratio is taken against the median of all floor runs at that concurrency in the same run,
 * so a machine that got busier or quieter during the run moves both sides.
 */
export class FloorPool {
  private readonly runs = new Map<number, MeasuredLoad[]>();

  constructor(
    private readonly floor: FloorProcess,
    private readonly seconds: number,
    private readonly warmupSeconds: number,
  ) {}

  async measure(connections: number): Promise<MeasuredLoad> {
    const result = await load(
      {
        url: `${this.floor.url}/floor`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: SEND_BODY,
        connections,
        seconds: this.seconds,
        warmupSeconds: this.warmupSeconds,
      },
      this.floor.pid,
    );
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`the floor failed: ${JSON.stringify(result)}`);
    const list = this.runs.get(connections) ?? [];
    list.push(result);
    this.runs.set(connections, list);
    return result;
  }

  /** Median rate and latencies of the floor runs at this concurrency so far, and their spread. */
  summary(connections: number) {
    const list = this.runs.get(connections) ?? [];
    const rates = list.map((r) => r.okPerSecond);
    return {
      runs: list.length,
      okPerSecond: Math.round(median(rates)),
      minPerSecond: Math.min(...rates),
      maxPerSecond: Math.max(...rates),
      p50Ms: median(list.map((r) => r.p50Ms)),
      p99Ms: median(list.map((r) => r.p99Ms)),
      cpuMsPerOk: Math.round(median(list.map((r) => r.serverCpuMsPerOk)) * 1000) / 1000,
      postgresCpuMsPerOk: Math.round(median(list.map((r) => r.postgresCpuMsPerOk)) * 1000) / 1000,
    };
  }

  ratio(connections: number, okPerSecond: number): number {
    return Math.round((okPerSecond / this.summary(connections).okPerSecond) * 1000) / 1000;
  }

  /** The floor's CPU per answer over the scenario's: the share of the floor's efficiency reached. */
  cpuRatio(connections: number, cpuMsPerOk: number): number {
    return Math.round((this.summary(connections).cpuMsPerOk / cpuMsPerOk) * 1000) / 1000;
  }
}
