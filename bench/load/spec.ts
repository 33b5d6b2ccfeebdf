/** What the load process is asked to do, and what it answers (JSON both ways). */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  connections: number;
  seconds: number;
  /** A short run first, not counted, so JIT compilation and caches are warm. */
  warmupSeconds?: number;
  /**
   * After the warm-up, keep warming this process in one-second runs while its helper threads
   * (V8's optimising compiler above all) are still busy, up to `maxSeconds` in all: a server's
   * first seconds of load compile its hot code on the side, which a running server did long ago.
   */
  settle?: { pid: number; maxSeconds: number };
  /**
   * After the warm-up (and settling), print `WARMED` and wait for a line on stdin before the
   * measured run: the parent has something to do to the warmed server first (see `load`).
   */
  pauseAfterWarmup?: boolean;
  /** Each request's body gets a new `to` (+1 555 and a counter): for routes limited per number. */
  freshPhones?: { start: number };
  /**
   * Each request carries this header with a value of its own (an `Idempotency-Key`: a key used
   * once is answered from its record, which would measure the replay, not the send).
   */
  uniqueHeader?: string;
  /** Send exactly these requests, in order (path and body), instead of repeating one. */
  requests?: Array<{ path: string; body: unknown }>;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** 2xx answers per second over the run. */
  ok: number;
  okPerSecond: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Seconds of load before the measured run: the warm-up and what settling added. */
  warmedSeconds: number;
}
