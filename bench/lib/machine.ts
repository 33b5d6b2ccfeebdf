import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadAverage } from './proc.js';

export interface Machine {
  cores: number;
  model: string;
  memoryGb: number;
  node: string;
  loadAtStart: number;
}

/** What the numbers were measured on; the load average says how busy the shared machine was. */
export function describeMachine(): Machine {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim();
  return {
    cores: cpus().length,
    model: model ?? cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadAverage(),
  };
}
