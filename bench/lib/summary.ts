import type { MeasuredLoad } from './load.js';
import type { BenchContext } from './settings.js';
import { median } from './stats.js';

/** A scenario at one concurrency: the median of its runs and its ratio to the floor. */
export interface RateFigure {
  /** What was measured, where a scenario gives more than one figure at a concurrency. */
  label?: string;
  connections: number;
  runs: number;
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ratioToFloor: number;
  floorPerSecond: number;
  floorP99Ms: number;
  /** Server CPU milliseconds per answer, and the floor's CPU per answer divided by it. */
  cpuMsPerOk: number;
  cpuRatioToFloor: number;
  floorCpuMsPerOk: number;
  /**
   * PostgreSQL only: the database processes' CPU milliseconds per answer, and the floor's. The
   * server's CPU leaves out what its statements cost the database, which shares the machine.
   */
  postgresCpuMsPerOk?: number;
  floorPostgresCpuMsPerOk?: number;
  /** Seconds of unmeasured load before each run: its warm-up, longer while the JIT settled. */
  warmedSeconds: number[];
  /** Answers that were not 2xx, over all runs: a scenario that errors is not measuring what it says. */
  non2xx: number;
}

export function figureOf(bench: BenchContext, connections: number, runs: MeasuredLoad[]): RateFigure {
  const okPerSecond = Math.round(median(runs.map((r) => r.okPerSecond)));
  const cpuMsPerOk = Math.round(median(runs.map((r) => r.serverCpuMsPerOk)) * 1000) / 1000;
  const floor = bench.floor.summary(connections);
  return {
    connections,
    runs: runs.length,
    okPerSecond,
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    ratioToFloor: bench.floor.ratio(connections, okPerSecond),
    floorPerSecond: floor.okPerSecond,
    floorP99Ms: floor.p99Ms,
    cpuMsPerOk,
    cpuRatioToFloor: bench.floor.cpuRatio(connections, cpuMsPerOk),
    floorCpuMsPerOk: floor.cpuMsPerOk,
    ...(bench.dialect === 'postgres'
      ? {
          postgresCpuMsPerOk: Math.round(median(runs.map((r) => r.postgresCpuMsPerOk)) * 1000) / 1000,
          floorPostgresCpuMsPerOk: floor.postgresCpuMsPerOk,
        }
      : {}),
    warmedSeconds: runs.map((r) => r.warmedSeconds),
    non2xx: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
  };
}

export function describe(name: string, f: RateFigure): string {
  const errors = f.non2xx > 0 ? ` (${f.non2xx} non-2xx/errors!)` : '';
  const database =
    f.postgresCpuMsPerOk === undefined
      ? ''
      : `; PostgreSQL's CPU ${f.postgresCpuMsPerOk} ms/req (floor ${f.floorPostgresCpuMsPerOk} ms)`;
  const warmed = f.warmedSeconds.some((s) => s > 0) ? `; warm-up ${f.warmedSeconds.join(', ')} s` : '';
  return `${name} c=${f.connections}: ${f.okPerSecond}/s p50 ${f.p50Ms} ms p99 ${f.p99Ms} ms = ${Math.round(f.ratioToFloor * 1000) / 10} % of floor ${f.floorPerSecond}/s (p99 ${f.floorP99Ms} ms); CPU ${f.cpuMsPerOk} ms/req = ${Math.round(f.cpuRatioToFloor * 1000) / 10} % of floor's efficiency (${f.floorCpuMsPerOk} ms)${database}${warmed}${errors}`;
}

/** Re-takes a figure's ratio against every floor run of its dialect, once the whole run is done. */
export function refloor(bench: BenchContext, figure: RateFigure): RateFigure {
  const floor = bench.floor.summary(figure.connections);
  return {
    ...figure,
    ratioToFloor: bench.floor.ratio(figure.connections, figure.okPerSecond),
    floorPerSecond: floor.okPerSecond,
    floorP99Ms: floor.p99Ms,
    cpuRatioToFloor: bench.floor.cpuRatio(figure.connections, figure.cpuMsPerOk),
    floorCpuMsPerOk: floor.cpuMsPerOk,
    ...(figure.postgresCpuMsPerOk === undefined ? {} : { floorPostgresCpuMsPerOk: floor.postgresCpuMsPerOk }),
  };
}
