import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface StartCommand {
  /** The whole `npm start` script, as a user runs it. */
  script: string;
  /** Steps before the server (e.g. the dashboard build check), run once before measuring. */
  before: string[];
  /** The server itself: run directly, so its pid is the server's and its RSS and CPU are its own. */
  file: string;
  args: string[];
}

/**
 * The server is started the way `npm start` starts it, read from package.json so that the bench
 * follows when the start script changes (say, to a build output). The last `&&` step is the
 * server; it is run without a shell or npm in between so the measured process is the server.
 */
export function startCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.start;
  if (!script) throw new Error('package.json has no start script');
  const steps = script.split('&&').map((s) => s.trim());
  const server = steps.pop()!.split(/\s+/);
  const [file, ...args] = server;
  if (file !== 'node' || args.length === 0)
    throw new Error(`the start script's last step is not "node …": ${script}`);
  return { script, before: steps, file: process.execPath, args };
}
