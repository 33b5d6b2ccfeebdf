import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Opens a Server-Sent Events stream on this request: writes the initial events, then whatever
 * `subscribe` pushes, with a comment heartbeat so proxies keep the connection open.
 */
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
    unsubscribe();
    request.server.eventStreams.delete(end);
  };
  const end = () => {
    close();
    res.end();
  };
  request.server.eventStreams.add(end);
  request.raw.on('close', close);
  res.on('error', close);
}
