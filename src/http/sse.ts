import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * How often an open stream checks that its caller would still be let in. One query per stream
 * this often, never one per event; a revoked key or an ended session (a member removed, a
 * sign-out) stops the stream within it.
 */
const RECHECK_MS = 3_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** Closers of the open SSE streams, so shutdown does not wait on clients that never hang up. */
    eventStreams: Set<() => void>;
  }
}

export function registerEventStreams(app: FastifyInstance): void {
  app.decorate('eventStreams', new Set<() => void>());
  app.addHook('preClose', async () => {
    for (const close of [...app.eventStreams]) close();
  });
}

/**
 * Checks the stream's caller every RECHECK_MS and calls `end` once it is no longer let in. A
 * check that fails for another reason (the database out of reach) leaves the stream open until
 * the next one. Returns the stop of the checks.
 */
function recheckCaller(request: FastifyRequest, end: () => void): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    request.server
      .stillAuthenticated(request)
      .then((allowed) => {
        if (!allowed) end();
      })
      .catch((err: unknown) => request.log.warn({ err }, 'event stream: caller check failed'))
      .finally(() => {
        checking = false;
      });
  }, RECHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Opens a Server-Sent Events stream on this request: writes the initial events, then whatever
 * `subscribe` pushes, with a comment heartbeat so proxies keep the connection open. The stream
 * ends when its caller is no longer let in (before, it went on after the API key was revoked or
 * the session ended, for as long as the client kept it open).
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  initial: Array<{ event: string; data: unknown }>,
  subscribe: (send: (event: string, data: unknown) => void) => () => void,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  res.write('retry: 3000\n\n');
  for (const item of initial) send(item.event, item.data);
  const unsubscribe = subscribe(send);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    stopChecks();
    unsubscribe();
    request.server.eventStreams.delete(end);
  };
  const end = () => {
    close();
    res.end();
  };
  const stopChecks = recheckCaller(request, end);
  request.server.eventStreams.add(end);
  request.raw.on('close', close);
  res.on('error', close);
}
