import { randomUUID } from 'node:crypto';
import { errorFromResponse, WAPingConnectionError, WAPingTimeoutError, type WAPingError } from './errors.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry.js';

export interface ClientOptions {
  /** An API key (`wap_…`); defaults to the WAPING_API_KEY environment variable. */
  apiKey?: string;
  /** Where WAPing listens; defaults to WAPING_BASE_URL or http://localhost:3000. */
  baseUrl?: string;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for; longer ones are thrown as errors. Default 60 s. */
  maxRetryAfterMs?: number;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

/** Options every call takes as its last argument. */
export interface RequestOptions {
  /** For creating calls: your key for this operation; one is generated when absent. */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  /** Sent as x-request-id, so your logs and the server's share an id. */
  requestId?: string;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: object | undefined;
  body?: unknown;
  /** A creating POST: gets an Idempotency-Key and is retried with it. */
  creates?: boolean;
  /** The answer is a file: its bytes, not JSON. */
  binary?: boolean;
  /** RATE_LIMITED on this route may be a per-number limit: never retried. */
  rateLimitIsFinal?: boolean;
  options?: RequestOptions | undefined;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data: T;
  requestId: string | null;
}

const SDK_USER_AGENT = 'waping-sdk-node/0.1.0';

/** Sends requests: auth, timeouts, idempotency keys, retries, typed errors. */
export class Transport {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions) {
    const apiKey = options.apiKey ?? process.env.WAPING_API_KEY;
    if (!apiKey) throw new TypeError('WAPing: apiKey is required (or set WAPING_API_KEY)');
    this.apiKey = apiKey;
    this.baseUrl = (options.baseUrl ?? process.env.WAPING_BASE_URL ?? 'http://localhost:3000').replace(
      /\/+$/,
      '',
    );
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.policy = {
      ...DEFAULT_RETRY_POLICY,
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
      ...(options.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: options.maxRetryAfterMs } : {}),
    };
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  async request<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    const options = req.options ?? {};
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.apiKey}`,
      accept: 'application/json',
      'user-agent': SDK_USER_AGENT,
    };
    // A form (an upload) sets its own multipart content type with its boundary.
    const form = req.body instanceof FormData;
    if (req.body !== undefined && !form) headers['content-type'] = 'application/json';
    if (options.requestId) headers['x-request-id'] = options.requestId;
    // One key for every attempt of this call: the server runs it once and replays that answer.
    if (req.creates) headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
    const mode = {
      repeatable: req.method === 'GET' || req.creates === true,
      rateLimitIsFinal: req.rateLimitIsFinal === true,
    };
    const policy = { ...this.policy, maxRetries: options.maxRetries ?? this.policy.maxRetries };
    const url = this.url(req.path, req.query);
    const body =
      req.body === undefined ? undefined : form ? (req.body as FormData) : JSON.stringify(req.body);

    for (let attempt = 0; ; attempt++) {
      let error: WAPingError;
      try {
        const response = await this.attempt(url, req.method, headers, body, options);
        const data =
          req.binary && response.ok ? new Uint8Array(await response.arrayBuffer()) : await readBody(response);
        const requestId = response.headers.get('x-request-id');
        if (response.ok)
          return { status: response.status, headers: response.headers, data: data as T, requestId };
        error = errorFromResponse(response.status, response.headers, data);
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        error =
          cause instanceof WAPingConnectionError
            ? cause
            : new WAPingConnectionError(`Request to ${url.origin} failed: ${describe(cause)}`, { cause });
      }
      const delay = retryDelay(error, attempt, mode, policy);
      if (delay === null) throw error;
      await sleep(delay, options.signal);
    }
  }

  private async attempt(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | FormData | undefined,
    options: RequestOptions,
  ): Promise<Response> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const response = await this.fetchImpl(url, { method, headers, body, signal });
      return response;
    } catch (cause) {
      if (timeout.aborted && !options.signal?.aborted) {
        throw new WAPingTimeoutError(`No answer from ${url.origin} within ${timeoutMs} ms`, { cause });
      }
      throw cause;
    }
  }

  private url(path: string, query: object | undefined): URL {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url;
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Path segment: ids and phone numbers go into URLs encoded. */
export const seg = (value: string) => encodeURIComponent(value);
