import type { components, paths } from '../../packages/api-types/openapi';
import { readableError } from './readable-errors';

/** A failed API call, carrying the envelope's code and message (docs/api.md, "Errors"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** The session's CSRF token, sent on every write; set from /auth/state. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for the one write that cannot go through `request` (an upload with progress). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Called when the API says the session is gone, so the app can show the sign-in page. */
export function onSessionLost(handler: () => void): void {
  onSignedOut = handler;
}

interface Envelope {
  error?: { code?: string; message?: string; details?: unknown };
}

async function request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached; check your connection and retry');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (json as Envelope | undefined)?.error;
    if (response.status === 401 && path.startsWith('/v1/')) onSignedOut?.();
    throw new ApiError(
      response.status,
      error?.code ?? 'SERVER_ERROR',
      error?.message ?? `The server answered ${response.status}`,
      error?.details,
    );
  }
  return json as T;
}

/** The API's entity shapes, as /openapi.json describes them (Schema<'Device'>…). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** One page of a keyset-paged list. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type Method = 'get' | 'post' | 'patch' | 'delete';
/** The paths that answer a method, as templates: `/v1/devices/{id}`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];
type Operation<M extends Method, P extends PathOf<M>> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
/** What a call resolves with: the JSON of its success response (undefined for 204). */
export type Answer<M extends Method, P extends PathOf<M>> =
  Operation<M, P> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;

type PathParams<O> = O extends { parameters: { path: infer A } } ? A : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type BodyOf<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;

/** The parts of a request that the operation takes: path parameters, query, body. */
type RequestOptions<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: QueryParams<O> }) &
  ([BodyOf<O>] extends [never] ? { body?: never } : { body: BodyOf<O> }) & {
    /** For creating POSTs: a retry with the same key is answered, not done twice. */
    idempotencyKey?: string;
  };
// Options may be left out when nothing in them is required.
type OptionsArg<O> =
  object extends RequestOptions<O> ? [options?: RequestOptions<O>] : [options: RequestOptions<O>];

type QueryValue = string | number | boolean | undefined | null;

/** The URL of a path template with its parameters and the defined, non-empty query values. */
export function urlOf(
  template: string,
  path: Record<string, string> = {},
  query: Record<string, QueryValue> = {},
): string {
  const filled = template.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(path[name] ?? ''));
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `${filled}?${qs}` : filled;
}

function call<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  options: { path?: object; query?: object; body?: unknown; idempotencyKey?: string } = {},
): Promise<Answer<M, P>> {
  const url = urlOf(
    path,
    options.path as Record<string, string> | undefined,
    options.query as Record<string, QueryValue> | undefined,
  );
  return request<Answer<M, P>>(method.toUpperCase(), url, options.body, options.idempotencyKey);
}

/**
 * The API, typed from the generated OpenAPI types: the path template picks the operation, which
 * says what the call takes (`path`, `query`, `body`) and what it answers.
 */
export const api = {
  get: <P extends PathOf<'get'>>(path: P, ...[options]: OptionsArg<Operation<'get', P>>) =>
    call('get', path, options),
  post: <P extends PathOf<'post'>>(path: P, ...[options]: OptionsArg<Operation<'post', P>>) =>
    call('post', path, options),
  patch: <P extends PathOf<'patch'>>(path: P, ...[options]: OptionsArg<Operation<'patch', P>>) =>
    call('patch', path, options),
  delete: <P extends PathOf<'delete'>>(path: P, ...[options]: OptionsArg<Operation<'delete', P>>) =>
    call('delete', path, options),
};

/** The paged lists: GET paths whose answer is a Page. */
export type PagedPath = {
  [P in PathOf<'get'>]: Answer<'get', P> extends Page<unknown> ? P : never;
}[PathOf<'get'>];
export type ItemOf<P extends PagedPath> = Answer<'get', P> extends Page<infer T> ? T : never;

/** One page of a paged list. */
export function getPage<P extends PagedPath>(
  path: P,
  options: { path?: Record<string, string>; query?: Record<string, QueryValue> } = {},
): Promise<Page<ItemOf<P>>> {
  return request<Page<ItemOf<P>>>('GET', urlOf(path, options.path, options.query));
}

/**
 * Every page of a list, up to `maxPages` of 100 (the Overview chart reads a week of messages this
 * way, a thread its messages and notes); `path` fills the path's `{id}`.
 */
export async function getAll<P extends PagedPath>(
  path: P,
  query: Record<string, QueryValue>,
  options: { path?: Record<string, string>; maxPages?: number } = {},
) {
  const items: Array<ItemOf<P>> = [];
  let cursor: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const result = await getPage(path, { path: options.path, query: { ...query, limit: 100, cursor } });
    items.push(...result.data);
    if (!result.nextCursor) return { items, complete: true };
    cursor = result.nextCursor;
  }
  return { items, complete: false };
}

export const errorMessage = (err: unknown): string =>
  err instanceof ApiError
    ? readableError(err.code, err.message)
    : err instanceof Error
      ? err.message
      : 'Something went wrong';

// The shapes the dashboard reads, by name: each is the generated type (or a part of one), never a copy.
export type Device = Schema<'Device'>;
export type DeviceStatus = Device['status'];
export type Pacing = Schema<'Pacing'>;
export type QrCode = Answer<'get', '/v1/devices/{id}/qr'>;
export type Message = Schema<'Message'>;
export type MessageStatus = Message['status'];
export type Template = Schema<'Template'>;
export type Contact = Schema<'Contact'>;
export type AutoReply = Schema<'AutoReplyRule'>;
export type Verification = Schema<'Verification'>;
export type VerificationStatus = Verification['status'];
export type Channel = Verification['channels'][number];
export type Webhook = Schema<'Webhook'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;
export type ApiKey = Schema<'ApiKey'>;
export type Scope = ApiKey['scopes'][number];
export type TeamMember = Schema<'TeamMember'>;
export type Role = TeamMember['role'];
export type Conversation = Schema<'Conversation'>;
export type ConversationNote = Schema<'ConversationNote'>;
/** A `conversation` event of the dashboard's stream (src/conversations/topics.ts). */
export interface ConversationChange {
  kind: 'message_in' | 'message_out' | 'updated' | 'read' | 'note';
  conversation: Conversation;
}
export type Workspace = Answer<'get', '/v1/workspace'>;
export type AuthState = Answer<'get', '/auth/state'>;
export type Media = Answer<'post', '/v1/media'>;
export type SandboxMessage = Answer<'get', '/v1/sandbox/messages'>['data'][number];
/** What an operation takes as its JSON body. */
export type RequestBody<M extends Method, P extends PathOf<M>> = BodyOf<Operation<M, P>>;
