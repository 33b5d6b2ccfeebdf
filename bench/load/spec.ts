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
  /** Each request's body gets a new `to` (+1 555 and a counter): for routes limited per number. */
  freshPhones?: { start: number };
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
}
