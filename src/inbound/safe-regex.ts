import { Worker } from 'node:worker_threads';

/** Rule patterns are matched case-insensitively, like `contains`. */
export const REGEX_FLAGS = 'i';
/**
 * Longest a single match may run; past it the rule counts as not matching. Generous because it
 * is wall time: a busy machine must not turn an ordinary match into a false "no match".
 */
export const REGEX_TIMEOUT_MS = 500;

/** Why a pattern is refused on save, or null when it is acceptable. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, REGEX_FLAGS);
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
  if (hasNestedQuantifier(pattern)) {
    return 'repeats a group that itself repeats, like (a+)+, which can take exponential time; simplify it';
  }
  return null;
}

const REPEAT_AT = /^(?:[*+]|\{\d+,\d*\})/;

/**
 * Spots the classic catastrophic shape: a repeated group whose body repeats too, e.g. `(a+)+`,
 * `(\w*)*`, `(x{2,})+`. A heuristic, not a proof, so matching also runs under a time limit.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const repeatsInside: boolean[] = [false];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') repeatsInside.push(false);
    else if (ch === ')') {
      const innerRepeats = repeatsInside.pop() ?? false;
      const repeated = REPEAT_AT.test(pattern.slice(i + 1));
      if (innerRepeats && repeated) return true;
      // A group that repeats (or holds a repetition) makes its enclosing group repeat as well.
      if (repeatsInside.length === 0) repeatsInside.push(false);
      if (innerRepeats || repeated) repeatsInside[repeatsInside.length - 1] = true;
    } else if (REPEAT_AT.test(pattern.slice(i))) {
      repeatsInside[repeatsInside.length - 1] = true;
    }
  }
  return false;
}

export type RegexOutcome = 'match' | 'no_match' | 'timed_out' | 'invalid';

// Plain CommonJS evaluated in the worker: no loader, no application code.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ pattern, flags, input }) => {
  let outcome;
  try {
    outcome = new RegExp(pattern, flags).test(input) ? 'match' : 'no_match';
  } catch {
    outcome = 'invalid';
  }
  parentPort.postMessage(outcome);
});
parentPort.postMessage('ready');`;

/**
 * Runs matches in a worker thread, one at a time. A runaway backtracking match only occupies the
 * worker: the event loop keeps serving, and past the time limit the worker is terminated (which
 * interrupts the match) and a fresh one takes the next request. The clock starts once the
 * worker is ready, so a slow thread start on a busy machine is not blamed on the pattern.
 */
class RegexRunner {
  private worker: Promise<Worker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  test(pattern: string, input: string, timeoutMs: number): Promise<RegexOutcome> {
    const run = this.queue.then(() => this.runOne(pattern, input, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private workerOf(): Promise<Worker> {
    if (this.worker) return this.worker;
    const starting = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      // Idle, it must not keep the process alive; a pending match holds its own timer.
      worker.unref();
      worker.once('message', () => resolve(worker));
      worker.on('error', reject);
      worker.once('exit', () => {
        if (this.worker === starting) this.worker = null;
        reject(new Error('regex worker exited'));
      });
    });
    this.worker = starting;
    return starting;
  }

  private async runOne(pattern: string, input: string, timeoutMs: number): Promise<RegexOutcome> {
    let worker: Worker;
    try {
      worker = await this.workerOf();
    } catch {
      this.worker = null;
      return 'invalid';
    }
    return new Promise((resolve) => {
      const finish = (outcome: RegexOutcome) => {
        clearTimeout(timer);
        worker.off('message', finish);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const onExit = () => finish('invalid');
      const timer = setTimeout(() => {
        worker.off('exit', onExit);
        this.worker = null;
        // Answer once the runaway thread is gone, so it does not compete with the next match.
        void worker.terminate().finally(() => finish('timed_out'));
      }, timeoutMs);
      worker.on('message', finish);
      worker.on('exit', onExit);
      worker.postMessage({ pattern, flags: REGEX_FLAGS, input });
    });
  }
}

const runner = new RegexRunner();

/** Tests `pattern` against `input` off the main thread, giving up after `timeoutMs`. */
export function safeRegexTest(
  pattern: string,
  input: string,
  timeoutMs = REGEX_TIMEOUT_MS,
): Promise<RegexOutcome> {
  return runner.test(pattern, input, timeoutMs);
}
