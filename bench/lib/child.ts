import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

/** A long-running child process whose output goes to a log file. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
  /** The end of its log, for error messages. */
  tail(): string;
}

export function spawnChild(file: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Child {
  const out = openSync(logFile, 'a');
  const proc = spawn(file, args, { env, stdio: ['ignore', out, out] });
  if (proc.pid === undefined) throw new Error(`could not start ${file} ${args.join(' ')}`);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    pid: proc.pid,
    logFile,
    tail: () => readFileSync(logFile, 'utf8').slice(-2000),
    async stop(graceMs = 20_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The environment without anything that would point a child at another database or key. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('WAPING_') || name === 'DATABASE_URL' || name === 'PORT' || name === 'HOST')
      delete env[name];
  }
  delete env.NODE_OPTIONS;
  return env;
}
