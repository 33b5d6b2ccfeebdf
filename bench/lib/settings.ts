import type { BenchDialect } from './databases.js';
import type { FloorPool } from './floor-pool.js';

/** How long and how often each scenario runs: the quick mode trades precision for about a minute. */
export interface Settings {
  quick: boolean;
  /** Seconds per timed load run (accept path, verifications, floor). */
  seconds: number;
  warmupSeconds: number;
  /** Seconds of the connected run, over which the dispatcher's queue must stay bounded. */
  connectedSeconds: number;
  /** Timed runs per scenario and concurrency (each followed by a floor run). */
  repeats: number;
  concurrencies: number[];
  /** Concurrencies for the connected and verification scenarios. */
  otherConcurrencies: number[];
  starts: number;
  idleSeconds: number;
  handoffSamples: number;
  checks: number;
  scaleDevices: number;
  scaleSeconds: number;
}

export function settingsFor(quick: boolean): Settings {
  return quick
    ? {
        quick,
        seconds: 2,
        warmupSeconds: 1,
        connectedSeconds: 5,
        repeats: 1,
        concurrencies: [10, 50],
        otherConcurrencies: [10],
        starts: 1,
        idleSeconds: 2,
        handoffSamples: 30,
        checks: 500,
        scaleDevices: 30,
        scaleSeconds: 5,
      }
    : {
        quick,
        seconds: 8,
        warmupSeconds: 2,
        connectedSeconds: 60,
        repeats: 3,
        concurrencies: [10, 50],
        otherConcurrencies: [10, 50],
        starts: 3,
        idleSeconds: 10,
        handoffSamples: 300,
        checks: 1500,
        scaleDevices: 500,
        scaleSeconds: 60,
      };
}

export interface BenchContext {
  dialect: BenchDialect;
  settings: Settings;
  floor: FloorPool;
  log(line: string): void;
}
