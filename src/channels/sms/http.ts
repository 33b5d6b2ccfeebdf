import { ChannelError, safeDetail } from '../errors.js';

export interface ProviderResponse {
  status: number;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

export interface ProviderRequest {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Values that must never appear in an error message (credentials, the message body). */
  secrets: ReadonlyArray<string | undefined>;
}

/**
 * POSTs to an SMS provider and turns transport failures into ChannelErrors. HTTP error statuses
 * are returned, not thrown: each provider reads its own error format.
 */
export async function postToProvider(req: ProviderRequest): Promise<ProviderResponse> {
  // One signal for headers and body, so a provider that stalls mid-body still times out.
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal });
    const text = await res.text();
    return { status: res.status, json: parseJson(text) };
  } catch (err) {
    if (signal.aborted || isTimeout(err)) {
      throw new ChannelError('TIMEOUT', `${req.provider} did not answer within ${req.timeoutMs} ms`, true);
    }
    const reason = safeDetail(networkReason(err), req.secrets);
    throw new ChannelError('PROVIDER_UNAVAILABLE', `${req.provider} request failed: ${reason}`, true);
  }
}

/** The error for a non-2xx answer; 429 and 5xx are worth retrying, other 4xx are final. */
export function errorForStatus(provider: string, status: number, detail: string | undefined): ChannelError {
  const suffix = detail ? `: ${detail}` : '';
  if (status >= 500) {
    return new ChannelError(
      'PROVIDER_UNAVAILABLE',
      `${provider} is unavailable (HTTP ${status})${suffix}`,
      true,
    );
  }
  return new ChannelError(
    'PROVIDER_REJECTED',
    `${provider} rejected the message (HTTP ${status})${suffix}`,
    status === 429,
  );
}

export function stringField(json: unknown, key: string): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = (json as Record<string, unknown>)[key];
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

// fetch reports every network failure as "fetch failed"; the useful part (ECONNREFUSED…) is the cause.
function networkReason(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const cause: unknown = err.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ?? cause.message;
  }
  return err.message;
}
