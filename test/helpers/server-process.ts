import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waping.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote so far, stdout and stderr interleaved, in arrival order. */
  output: string[];
  /** SIGKILL: the process dies without any cleanup, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown (engines stop, leases are released); resolves once it exited. */
  stop(): Promise<void>;
}

/** Runs `waping serve` as a real child process and resolves with its URL once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on a loaded machine a start (with its build, when src/ changed) can take over a
    // minute. A process that never says where it listens is killed, not left behind.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${output.join('\n')}`));
    }, 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('\n')}`)));
  });
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    child,
    output,
    kill: async () => {
      if (!done()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!done()) child.kill('SIGTERM');
      await exited;
    },
  };
}
