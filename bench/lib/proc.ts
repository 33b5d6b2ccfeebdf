import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times; 100 on every Linux this runs on. */
const TICKS = 100;

/** Resident memory of a process, in MB (VmRSS from /proc, as `ps` shows it). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  return statTimes(pid).own;
}

/** A process's own CPU seconds and those of its children it has waited for, from /proc. */
function statTimes(pid: number): { own: number; reapedChildren: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces: utime, stime,
  // cutime and cstime are the 14th to 17th fields of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    own: (Number(fields[11]) + Number(fields[12])) / TICKS,
    reapedChildren: (Number(fields[13]) + Number(fields[14])) / TICKS,
  };
}

/**
 * CPU seconds a process's threads other than its main one have used so far: for Node, V8's
 * helpers (the optimising compiler, the garbage collector's concurrent work) and libuv's pool.
 */
export function helperThreadsCpuSeconds(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    if (task === String(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return total;
}

/**
 * CPU seconds (user + system) used so far by every PostgreSQL process on this machine: its
 * backends, WAL writer, checkpointer. The bench's database runs here on loopback, and on
 * PostgreSQL part of a request's cost is spent there, not in the server that sent the statements.
 */
export function postgresCpuSeconds(): number {
  return cpuSecondsOfProcessesNamed('postgres');
}

/**
 * CPU seconds used so far by every process with this command name, those that have exited
 * included. A backend that exits between two readings (a pool closing, a server stopped) would
 * otherwise take its time with it, and a run would be charged less than nothing: its time is
 * counted in its parent's (the postmaster's) children's times once the parent has reaped it, and
 * every process of one name that reaped its children is counted that way.
 */
export function cpuSecondsOfProcessesNamed(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== comm) continue;
      const times = statTimes(Number(entry));
      total += times.own + times.reapedChildren;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}

/** The 1-minute load average: how busy the shared machine was around a run. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Samples CPU use (in cores) and RSS of a process every `everyMs` until stopped. */
export function sampleProcess(pid: number, everyMs = 1000) {
  const samples: Array<{ at: number; cpuCores: number; rssMb: number }> = [];
  let lastCpu = cpuSeconds(pid);
  let lastAt = performance.now();
  const startCpu = lastCpu;
  const startAt = lastAt;
  const timer = setInterval(() => {
    try {
      const cpu = cpuSeconds(pid);
      const at = performance.now();
      samples.push({ at, cpuCores: (cpu - lastCpu) / ((at - lastAt) / 1000), rssMb: rssMb(pid) });
      lastCpu = cpu;
      lastAt = at;
    } catch {
      clearInterval(timer);
    }
  }, everyMs);
  return {
    samples,
    /** Average cores used over the whole sampling, and peak RSS. */
    stop(): { cpuCores: number; peakRssMb: number } {
      clearInterval(timer);
      let cpu = lastCpu;
      let at = lastAt;
      try {
        cpu = cpuSeconds(pid);
        at = performance.now();
      } catch {
        // The process is gone; keep the last sample.
      }
      return {
        cpuCores: Math.round(((cpu - startCpu) / ((at - startAt) / 1000)) * 100) / 100,
        peakRssMb: Math.max(0, ...samples.map((s) => s.rssMb)),
      };
    },
  };
}
