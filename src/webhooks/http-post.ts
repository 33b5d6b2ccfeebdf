import http from 'node:http';
import https from 'node:https';
import { publicOnlyLookup } from './url-guard.js';

/** What the log keeps of a receiver's answer. */
export const SNIPPET_BYTES = 1024;
export const REQUEST_TIMEOUT_MS = 15_000;

export interface PostResult {
  statusCode: number | null;
  retryAfter?: string;
  snippet: string | null;
  error: string | null;
  durationMs: number;
}

/** The first bytes of a body as text, never more than `SNIPPET_BYTES` once encoded again. */
export function snippetOf(chunks: Buffer[]): string {
  let text = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
  // A character cut in half decodes to U+FFFD, which is 3 bytes: drop it rather than overflow.
  while (Buffer.byteLength(text) > SNIPPET_BYTES) text = text.slice(0, -1);
  return text;
}

/** Keep-alive agents, one pair per worker: deliveries to one receiver reuse their connections. */
export function createAgents(allowPrivate: boolean) {
  const options = { keepAlive: true, maxSockets: 64, ...(allowPrivate ? {} : { lookup: publicOnlyLookup }) };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

export type Agents = ReturnType<typeof createAgents>;

const describe = (err: Error & { code?: string }) =>
  err.code === 'ETIMEDOUT_WEBHOOK' ? `No answer within ${REQUEST_TIMEOUT_MS / 1000} s` : err.message;

/** POSTs a body; never throws — a network failure is an outcome like any status code. */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { agents: Agents; signal: AbortSignal; timeoutMs?: number },
): Promise<PostResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return new Promise((resolve) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(target, {
      method: 'POST',
      agent: target.protocol === 'https:' ? options.agents.https : options.agents.http,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'WAPing-Webhooks/1.0',
      },
    });
    // The whole exchange, answer included, must fit in the timeout.
    const timer = setTimeout(() => {
      request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_WEBHOOK' }));
    }, timeoutMs);
    // A listener rather than the `signal` option, which costs noticeably more per request.
    const onAbort = () => request.destroy(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }));
    options.signal.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve({ ...result, durationMs: Date.now() - started });
    };
    request.on('error', (err) => finish({ statusCode: null, snippet: null, error: describe(err) }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        // Read the rest without keeping it, so the connection can be reused.
        if (kept < SNIPPET_BYTES) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      response.on('error', (err) => finish({ statusCode: null, snippet: null, error: describe(err) }));
      response.on('close', () =>
        finish({ statusCode: null, snippet: null, error: 'The connection closed before the answer ended' }),
      );
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        finish({
          statusCode: response.statusCode ?? null,
          snippet: chunks.length ? snippetOf(chunks) : null,
          error: null,
          ...(retryAfter ? { retryAfter } : {}),
        });
      });
    });
    request.end(body);
  });
}
