import { STATUS_CODES, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PassThrough, type Readable } from 'node:stream';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import type { Config } from '../config.js';
import { randomToken } from '../lib/crypto.js';
import { AppError, type ErrorCode } from '../lib/errors.js';
import { ERROR_STATUS } from './errors.js';

/**
 * The HTTP edge: what happens before a request reaches a route, and what the server answers when
 * it never does. Every answer is in the error envelope; the limits here are what keeps a slow or
 * oversized client from holding a connection open (docs/security.md "Limits").
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * More room for this route's request body than the JSON defaults (WAPING_BODY_LIMIT_BYTES and
     * WAPING_BODY_TIMEOUT_MS). A route taking large streamed uploads declares it here, e.g.
     * `config: { body: { limitBytes: 64 * 1024 * 1024, timeoutMs: 10 * 60_000 } }`.
     */
    body?: { limitBytes?: number; timeoutMs?: number };
  }
}

/** How often Node checks the header and request deadlines; the default (30 s) would let them slip. */
const CHECK_INTERVAL_MS = 1_000;
/** After an answer to a broken request, how long its socket may still drain before it is cut. */
const LINGER_MS = 1_000;

export const newRequestId = () => `req_${randomToken(12)}`;

function envelope(code: ErrorCode, message: string, requestId: string): string {
  return JSON.stringify({ error: { code, message, requestId } });
}

/** A whole HTTP/1.1 answer, for sockets Node gives us before (or instead of) a request object. */
export function rawErrorResponse(code: ErrorCode, message: string, requestId = newRequestId()): string {
  const status = ERROR_STATUS[code];
  const body = envelope(code, message, requestId);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Request-Id: ${requestId}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** Ends the socket with an answer, then cuts it if the client does not hang up. */
function answerAndClose(socket: Duplex, response: string | null): void {
  if (response !== null && socket.writable) socket.end(response);
  else socket.destroy();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

const CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['HEADERS_TOO_LARGE', 'The request line and headers are larger than 16 KiB'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', 'The request did not arrive in time'],
  ERR_HTTP_HEADERS_TIMEOUT: ['REQUEST_TIMEOUT', 'The request headers did not arrive in time'],
  HPE_URI_TOO_LONG: ['URI_TOO_LONG', 'The URL is too long'],
};

/**
 * Node's `clientError`: the request could not be parsed (or timed out) before any route saw it.
 * An answer can only be written while no response has started on the socket; otherwise, and for
 * a socket the client already reset, the connection is just closed.
 */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Node keeps the response in flight on the socket here; nothing public says whether it started.
  const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
    'BAD_REQUEST',
    'The request is not valid HTTP/1.1',
  ];
  answerAndClose(socket, rawErrorResponse(code, message));
}

/** Errors Fastify meets while routing, before the error handler applies. */
function onFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'FST_ERR_BAD_URL'
      ? [400, 'VALIDATION_ERROR', 'The URL is not valid: a percent-encoded part does not decode']
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? [414, 'URI_TOO_LONG', 'A part of the URL is longer than any id this API uses']
        : [500, 'SERVER_ERROR', 'Something went wrong on our side; the request id helps us find it'];
  if (status >= 500) request.log.error({ err }, 'routing failed');
  void reply
    .status(status)
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send(envelope(code, message, request.id));
}

/** Fastify options for the edge: limits, deadlines and the envelope for framework-level errors. */
export function edgeServerOptions(config: Config): Partial<FastifyServerOptions> & {
  http: ServerOptions;
} {
  return {
    bodyLimit: config.bodyLimitBytes,
    // The request deadline is raised on ready to cover the roomiest route (see registerEdge).
    requestTimeout: config.headersTimeoutMs + config.bodyTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, config.headersTimeoutMs),
    },
    // `/v1/messages/` is `/v1/messages`, and `//` one `/`: a client joining a base URL that ends in
    // a slash otherwise reached another route (`/v1/messages/:id` with an empty id) or none.
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // Our own shutdown answer (below) is in the envelope; Fastify's is not.
    return503OnClosing: false,
    clientErrorHandler: onClientError,
    frameworkErrors: onFrameworkError,
  };
}

/** Injected requests (tests) have a stand-in socket without these methods. */
function closeSocket(raw: IncomingMessage, how: 'end' | 'destroy'): void {
  const socket = raw.socket as Partial<Duplex> | undefined;
  if (typeof socket?.[how] === 'function') socket[how]();
}

/**
 * Node ends a connection whose answer says `Connection: close` as soon as the answer is written
 * (`destroySoon`); here it waits until the request's body has been read off the wire too.
 * Injected requests (tests) have no socket to wait on.
 */
function closeAfterBody(raw: IncomingMessage): void {
  const socket = raw.socket as Partial<Duplex & { destroySoon(): void }> | undefined;
  if (typeof socket?.destroySoon !== 'function') return;
  const closeNow = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (raw.complete) closeNow();
    else raw.once('end', closeNow);
  };
}

function hasBody(raw: IncomingMessage): boolean {
  return raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;
}

/**
 * A body must arrive whole within its route's deadline: the stream Fastify reads is failed with
 * 408 when it does not, which the error handler answers, and the connection is then closed.
 */
const timedOut = new WeakSet<FastifyRequest>();

function guardBody(request: FastifyRequest, payload: Readable, timeoutMs: number): Readable {
  const guarded = new PassThrough();
  payload.on('error', (err) => guarded.destroy(err));
  payload.pipe(guarded);
  const timer = setTimeout(() => {
    if (request.raw.complete) return;
    timedOut.add(request);
    if (guarded.listenerCount('error') > 0) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      guarded.destroy(
        Object.assign(new Error(`The request body did not arrive within ${seconds} s`), { statusCode: 408 }),
      );
    } else {
      // Nobody reads it any more (the answer went out early): stop draining and close.
      closeSocket(request.raw, 'destroy');
    }
  }, timeoutMs);
  timer.unref();
  request.raw.once('end', () => clearTimeout(timer));
  request.raw.once('close', () => clearTimeout(timer));
  return guarded;
}

/**
 * A multipart upload is read by its route straight from the request (a streaming parser pipes
 * it), so there is no stream in between to fail: on the deadline the request itself reports the
 * 408, which fails the parser and the route's write, or, when nothing reads it yet, it is cut.
 */
function guardStreamedBody(request: FastifyRequest, timeoutMs: number): void {
  const raw = request.raw;
  const timer = setTimeout(() => {
    if (raw.complete) return;
    timedOut.add(request);
    if (raw.listenerCount('error') > 0) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      raw.emit(
        'error',
        Object.assign(new Error(`The request body did not arrive within ${seconds} s`), { statusCode: 408 }),
      );
    } else {
      closeSocket(raw, 'destroy');
    }
  }, timeoutMs);
  timer.unref();
  raw.once('end', () => clearTimeout(timer));
  raw.once('close', () => clearTimeout(timer));
}

const isMultipart = (raw: IncomingMessage) =>
  (raw.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

export function registerEdge(app: FastifyInstance, config: Config): void {
  let roomiestBodyMs = config.bodyTimeoutMs;
  app.addHook('onRoute', (route) => {
    const room = route.config?.body;
    if (room?.limitBytes !== undefined) route.bodyLimit = room.limitBytes;
    if (room?.timeoutMs !== undefined) roomiestBodyMs = Math.max(roomiestBodyMs, room.timeoutMs);
  });
  // Node's own request deadline is the backstop behind the per-route one, so it covers the roomiest.
  app.addHook('onReady', async () => {
    app.server.requestTimeout = config.headersTimeoutMs + roomiestBodyMs;
  });

  // CONNECT is not for this server; without a listener Node would drop the socket unanswered.
  app.server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
    answerAndClose(socket, rawErrorResponse('METHOD_NOT_ALLOWED', 'CONNECT is not supported')),
  );

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'The server is shutting down; retry in a moment',
        undefined,
        1,
      );
    }
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!hasBody(request.raw)) return payload;
    const timeoutMs = request.routeOptions.config.body?.timeoutMs ?? config.bodyTimeoutMs;
    if (isMultipart(request.raw)) {
      guardStreamedBody(request, timeoutMs);
      return payload;
    }
    return guardBody(request, payload, timeoutMs);
  });

  // An error answered before the body was read (401, 413, 415): the client may still be sending
  // it. The answer says `Connection: close`, and the rest of the body is read and dropped (within
  // the body deadline) before the socket is ended: closing at once would reset the connection and
  // the client could lose the answer. Before, the answer left the header out and the socket was
  // ended after the body anyway, so a keep-alive client sent its next request on a socket the
  // server was closing ("other side closed").
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (reply.statusCode >= 400 && hasBody(raw) && !raw.complete && !timedOut.has(request)) {
      reply.header('connection', 'close');
      closeAfterBody(raw);
      raw.unpipe();
      raw.resume();
    }
    return payload;
  });
}
