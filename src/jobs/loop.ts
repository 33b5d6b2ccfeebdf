import type { Logger } from 'pino';

export interface LoopOptions {
  /** Names the loop in the log when a run fails. */
  name: string;
  log: Logger;
  /** Pause after a run before the next one. */
  intervalMs: number;
  /** Pause before the first run (default: intervalMs). */
  firstRunMs?: number;
  /** One run. A number returned replaces `intervalMs` as the pause before the next run. */
  run: () => Promise<number | void>;
}

export interface Loop {
  /** Runs now, or right after the run in progress when there is one. */
  wake(): void;
  /** No more runs; resolves once the run in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * The background loop every periodic job uses: runs never overlap, a wake-up runs at once (or
 * once more after the current run), a failed run is logged and the loop goes on, and `stop`
 * waits for the run in progress so nothing touches the database after the app closed it. Its
 * timers do not keep the process alive.
 */
export function startLoop(options: LoopOptions): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(go, ms);
    timer.unref();
  };

  function go(): void {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = options
      .run()
      .then(
        (next) => (typeof next === 'number' ? next : options.intervalMs),
        (err: unknown) => {
          options.log.error({ err }, `${options.name} failed`);
          return options.intervalMs;
        },
      )
      .then((next) => {
        running = null;
        const soon = again;
        again = false;
        schedule(soon ? 0 : Math.max(0, next));
      });
  }

  schedule(options.firstRunMs ?? options.intervalMs);
  return {
    wake: go,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
